import { registry } from "@web/core/registry";

const SUBJECT = "Delivery date of the April order";
const COLLEAGUE = "Petr Svoboda";

/**
 * A salesperson on the customer's contact form logs a phone call, finds it in the History tab, opens it from
 * the Interactions button and hands it over to a colleague with a note.
 */
registry.category("web_tour.tours").add("crm_extended_log_and_hand_over", {
    steps: () => [
        {
            content: "Log an interaction from the contact",
            trigger: ".o_form_view button[name=action_crm_log_interaction]",
            run: "click",
        },
        {
            content: "A phone call is preselected",
            trigger: ".modal .o_field_widget[name=interaction_type_id] .o_radio_item:has(input:checked):contains('Phone call')",
        },
        {
            trigger: ".modal .o_field_widget[name=subject] input",
            run: `edit ${SUBJECT}`,
        },
        {
            content: "Log it",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Open the History tab",
            trigger: ".o_notebook_headers a[name=crm_history]",
            run: "click",
        },
        {
            content: "The call is in the history",
            trigger: `.o_field_widget[name=crm_company_interaction_ids] .o_data_row:contains('${SUBJECT}')`,
        },
        {
            content: "Open the customer's interactions",
            trigger: "button[name=action_crm_interactions]",
            run: "click",
        },
        {
            trigger: ".o_last_breadcrumb_item:contains('Interactions')",
        },
        {
            trigger: `.o_list_view .o_data_row td[name=subject]:contains('${SUBJECT}')`,
            run: "click",
        },
        {
            content: "A logged call is done: reopen it to pass it on",
            trigger: ".o_form_view button[name=action_reopen]",
            run: "click",
        },
        {
            content: "Hand it over",
            trigger: ".o_form_view button[name=action_open_handover]",
            run: "click",
        },
        {
            content: "Choose the colleague",
            trigger: ".modal .o_field_widget[name=user_id] input",
            run: `edit ${COLLEAGUE}`,
        },
        {
            trigger: `.modal .o-autocomplete--dropdown-item:contains('${COLLEAGUE}')`,
            run: "click",
        },
        {
            content: "Leave a note for the colleague",
            trigger: ".modal .o_field_html[name=note] div.o-paragraph",
            run: "editor Please confirm the delivery date with the warehouse.",
        },
        {
            trigger: ".modal button[name=action_handover]",
            run: "click",
        },
        {
            content: "The colleague is now responsible",
            trigger: `.o_action_manager .o_field_widget[name=user_id] input:value('${COLLEAGUE}')`,
        },
        {
            trigger: `.o-mail-Message:contains('Handed over:')`,
        },
    ],
});

/**
 * The colleague finds the task in their activities, marks it done, and sees the call resolved in the
 * customer's history.
 */
registry.category("web_tour.tours").add("crm_extended_resolve_handed_over_task", {
    steps: () => [
        {
            content: "Open my activities",
            trigger: ".o_menu_systray .o-mail-ActivityMenu-counter",
            run: "click",
        },
        {
            trigger: ".o-mail-ActivityGroup:contains('Customer Interaction')",
            run: "click",
        },
        {
            content: "Open the handed-over call",
            trigger: `.o_data_row td:contains('${SUBJECT}'), .o_kanban_record:contains('${SUBJECT}')`,
            run: "click",
        },
        {
            content: "Mark the task done",
            trigger: ".o-mail-Activity:contains('Please confirm the delivery date') .o-mail-Activity-markDone",
            run: "click",
        },
        {
            trigger: ".o-mail-ActivityMarkAsDone button[aria-label=Done]",
            run: "click",
        },
        {
            content: "Finishing the task resolves the call",
            trigger: ".o-mail-Message:contains('Resolved')",
        },
        {
            content: "Go to the customer",
            // The link shows on hover or focus; a synthetic hover does not apply the :hover style.
            trigger: ".o_field_widget[name=partner_id] input",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=partner_id] .o_external_button",
            run: "click",
        },
        {
            trigger: ".o_notebook_headers a[name=crm_history]",
            run: "click",
        },
        {
            content: "The history shows the call resolved",
            trigger: `.o_field_widget[name=crm_company_interaction_ids] .o_data_row:contains('${SUBJECT}'):contains('Resolved')`,
        },
    ],
});
