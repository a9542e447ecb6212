import { registry } from "@web/core/registry";

/**
 * The salesperson logs the dunning call from the overdue banner, and the contact's history shows it.
 */
registry.category("web_tour.tours").add("crm_payment_reminder_from_the_banner", {
    steps: () => [
        {
            trigger: "div[name=crm_overdue_warning] button[name=action_crm_log_payment_reminder]",
            run: "click",
        },
        {
            content: "The reminder is a phone call about the payment",
            trigger: ".modal .o_field_widget[name=interaction_type_id] .o_radio_item:has(input:checked):contains('Phone call')",
        },
        {
            trigger: ".modal .o_field_widget[name=subject] input:value('Payment reminder')",
        },
        {
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            trigger: ".o_notebook_headers a[name=crm_history]",
            run: "click",
        },
        {
            content: "The history shows the reminder",
            trigger: ".o_field_widget[name=crm_company_interaction_ids] .o_data_row:contains('Payment reminder')",
        },
    ],
});
