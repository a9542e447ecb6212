import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

const companyStatusRow = (name) => `.o_data_row:has(td[name=name]:contains('${name}'))`;

/**
 * An administrator opens Settings, follows the Company Statuses link of the Codebooks block, renames
 * "Potential" to "Prospect", moves it to the top of the list, and finds it first among the statuses the
 * contact form offers.
 */
registry.category("web_tour.tours").add("crm_extended_codebook_settings", {
    steps: () => [
        {
            content: "Open the CRM settings",
            trigger: ".settings_tab .tab[data-key=crm]",
            run: "click",
        },
        {
            content: "Follow the Company Statuses link of the Codebooks block",
            trigger: "#crm_codebook_company button:contains('Company Statuses')",
            run: "click",
        },
        {
            content: "Start editing the Potential status",
            trigger: `${companyStatusRow("Potential")} td[name=name]`,
            run: "click",
        },
        {
            content: "Rename it",
            trigger: ".o_selected_row .o_field_widget[name=name] input",
            run: "edit Prospect",
        },
        {
            content: "Save the list",
            trigger: ".o_list_button_save",
            run: "click",
        },
        {
            content: "Move the renamed status to the top",
            trigger: `${companyStatusRow("Prospect")} .o_row_handle`,
            run: "drag_and_drop(.o_data_row:first-child)",
        },
        {
            content: "The renamed status is first",
            trigger: ".o_data_row:first-child td[name=name]:contains('Prospect')",
        },
        ...stepUtils.goToAppSteps("contacts.menu_contacts", "Open the Contacts app"),
        {
            content: "Search the customer",
            trigger: ".o_searchview_input",
            run: "edit Pivovar Hodonín",
        },
        {
            trigger: ".o_searchview_autocomplete",
            run: "press Enter",
        },
        {
            trigger: ".o_data_row td[name=complete_name]:contains('Pivovar Hodonín')",
            run: "click",
        },
        {
            content: "Open the company statuses the contact form offers",
            trigger: ".o_field_widget[name=crm_company_status_id] input",
            run: "click",
        },
        {
            content: "The renamed status is offered first",
            trigger: ".o-autocomplete--dropdown-item:first-child:contains('Prospect')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=crm_company_status_id] input:value(Prospect)",
        },
        {
            content: "Save the contact",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
    ],
});
