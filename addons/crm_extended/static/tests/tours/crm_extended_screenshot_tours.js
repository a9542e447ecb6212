import { registry } from "@web/core/registry";

/**
 * Tours that bring a page to the state the README pictures show; the test taking the pictures captures the
 * page once the last step has passed.
 */
const tours = registry.category("web_tour.tours");

tours.add("crm_extended_screenshot_contact_history", {
    steps: () => [
        {
            trigger: ".o_notebook_headers a[name=crm_history]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=crm_company_interaction_ids] .o_data_row:nth-child(5)",
        },
    ],
});

tours.add("crm_extended_screenshot_interactions_kanban", {
    steps: () => [
        {
            trigger: ".o_kanban_renderer:not(.o_view_sample_data) .o_kanban_group:nth-child(3) .o_kanban_record",
        },
    ],
});

tours.add("crm_extended_screenshot_interactions_pivot", {
    steps: () => [
        {
            trigger: ".o_pivot:not(.o_view_sample_data) .o_pivot_cell_value",
        },
    ],
});

tours.add("crm_extended_screenshot_interactions_graph", {
    steps: () => [
        {
            trigger: ".o_graph_renderer:not(.o_view_sample_data) canvas",
        },
    ],
});

tours.add("crm_extended_screenshot_settings_codebooks", {
    steps: () => [
        {
            trigger: ".settings_tab .tab[data-key=crm]",
            run: "click",
        },
        {
            content: "Bring the Codebooks block to the top of the page",
            trigger: "#crm_codebook_company",
            run() {
                this.anchor.closest(".o_settings_container").previousElementSibling.scrollIntoView();
            },
        },
    ],
});
