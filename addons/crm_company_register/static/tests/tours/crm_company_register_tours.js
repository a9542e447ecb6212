import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

const openTheComparison = [
    {
        content: "Type the IČO of the company",
        trigger: ".o_form_view .o_field_widget[name=company_registry] input",
        run: "edit 27082440",
    },
    {
        content: "Load it from the register",
        trigger: ".o_form_view button[name=action_crm_load_from_register]",
        run: "click",
    },
    {
        content: "The register's address is proposed next to what was typed",
        trigger: ".modal .o_field_widget[name=line_ids] .o_data_row:contains('Jankovcova 1522/53')",
    },
];

const fillTheCompany = [
    {
        content: "Fill the company",
        trigger: ".modal button[name=action_apply]",
        run: "click",
    },
    {
        content: "The company is filled and checked in the register of VAT payers",
        trigger: ".o_form_view:not(:has(.modal)) .o_field_widget[name=crm_vat_reliability]:contains('Reliable VAT Payer')",
    },
    {
        trigger: ".o_form_view .o_field_widget[name=crm_legal_form]:contains('Akciová společnost'), .o_form_view .o_field_widget[name=crm_legal_form] input",
    },
];

/**
 * A salesperson fills a Czech company in three actions: types its IČO, loads it from the register and
 * fills the company with what the register says.
 */
tours.add("crm_company_register_fill_from_ares", {
    steps: () => [...openTheComparison, ...fillTheCompany],
});

/**
 * The same three actions on an empty company form: the register names the company, so that loading it,
 * which saves it first, does not stop at the missing name.
 */
tours.add("crm_company_register_fill_new_company_from_ico", {
    steps: () => [
        ...openTheComparison,
        ...fillTheCompany,
        {
            content: "The company is saved under the name the register gives",
            trigger: ".o_breadcrumb .active:contains('Alza.cz a.s.')",
        },
    ],
});

tours.add("crm_company_register_screenshot_comparison", {
    steps: () => [
        ...openTheComparison,
        {
            content: "Close the offer to fill, so that the picture shows the comparison alone",
            trigger: ".o_notification:contains('Fill from the register') .o_notification_close",
            run: "click",
        },
        {
            trigger: "body:not(:has(.o_notification))",
        },
        {
            trigger: "body:not(:has(.o_loading_indicator))",
        },
    ],
});
