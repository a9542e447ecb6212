import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

/**
 * A salesperson opens a customer with an overdue invoice, sees the warning banner and lists the unpaid
 * invoices from it.
 */
tours.add("crm_accounting_link_overdue_banner", {
    steps: () => [
        {
            content: "The contact warns about the overdue invoice",
            trigger: ".o_form_view div[name=crm_overdue_warning]:contains('Overdue invoices: 1')",
        },
        {
            trigger: "div[name=crm_overdue_warning] button[name=action_crm_unpaid_invoices]",
            run: "click",
        },
        {
            content: "The unpaid invoices are listed",
            trigger: ".o_list_view .o_data_row:contains('Strojírny Brno a.s.')",
        },
    ],
});

/**
 * A salesperson lists a customer's unpaid invoices from the contact and opens the list's address afresh, as a
 * new tab does: without what the browser tab remembers of the action it came from.
 */
tours.add("crm_accounting_link_unpaid_list_in_new_tab", {
    steps: () => [
        {
            trigger: ".o_form_view .oe_stat_button[name=action_crm_unpaid_invoices]",
            run: "click",
        },
        {
            content: "The customer's unpaid invoices are listed",
            trigger: ".o_list_view .o_data_row:contains('Strojírny Brno a.s.')",
        },
        {
            content: "Open the address of the list in a new tab",
            trigger: ".o_list_view .o_data_row",
            run() {
                window.sessionStorage.clear();
                window.location.reload();
            },
            expectUnloadPage: true,
        },
        {
            content: "The new tab lists the customer's invoices, and no other customer's",
            trigger: ".o_list_view:has(.o_data_row:contains('Strojírny Brno a.s.')):not(:has(.o_data_row:contains('Pekárna Olomouc')))",
        },
    ],
});

/**
 * An accountant opens a payment, follows it to the sales order it pays, and finds the invoices of that order
 * by its number.
 */
tours.add("crm_accounting_link_payment_to_order", {
    steps: () => [
        {
            content: "The payment names the sales order it pays",
            trigger: ".o_form_view .o_field_widget[name=crm_sale_order_ids] .o_tag:contains('S04217')",
        },
        {
            content: "Follow the payment to its sales order",
            trigger: ".o_form_view button[name=action_crm_sale_orders]",
            run: "click",
        },
        {
            content: "The sales order opens",
            trigger: ".o_form_view .o_field_widget[name=name]:contains('S04217')",
        },
        {
            content: "Back to the payment",
            trigger: ".o_breadcrumb .breadcrumb-item:first-child a",
            run: "click",
        },
        {
            content: "Go to the customer invoices",
            trigger: ".o_main_navbar .o_menu_sections button:contains('Customers'), .o_main_navbar .o_menu_sections a:contains('Customers')",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu .dropdown-item:contains('Invoices')",
            run: "click",
        },
        {
            content: "The invoices list has loaded",
            trigger: ".o_control_panel .o_breadcrumb:contains('Invoices')",
        },
        {
            trigger: ".o_list_view .o_data_row",
        },
        {
            content: "Search the invoices by the order number",
            trigger: ".o_control_panel:has(.o_breadcrumb:contains('Invoices')) .o_searchview_input",
            run: "edit S04217",
        },
        {
            trigger: ".o_searchview_autocomplete .o-dropdown-item:contains('Sales Order')",
            run: "click",
        },
        {
            content: "The search bar shows the order as a filter",
            trigger: ".o_searchview_facet:contains('S04217')",
        },
        {
            content: "Only the invoice of that order is listed",
            trigger: ".o_list_view:not(:has(.o_data_row:contains('Pekárna'))) .o_data_row:contains('Strojírny Brno')",
        },
    ],
});

tours.add("crm_accounting_link_screenshot_contact", {
    steps: () => [
        {
            trigger: ".o_notebook_headers a[name=crm_history]",
            run: "click",
        },
        {
            trigger: "div[name=crm_overdue_warning]:visible",
        },
        {
            trigger: ".o_field_widget[name=crm_company_interaction_ids] .o_data_row:nth-child(5)",
        },
        {
            trigger: "body:not(:has(.o_loading_indicator))",
        },
    ],
});

tours.add("crm_accounting_link_screenshot_payment", {
    steps: () => [
        {
            trigger: ".o_field_widget[name=crm_sale_order_ids] .o_tag:contains('S04217')",
        },
    ],
});
