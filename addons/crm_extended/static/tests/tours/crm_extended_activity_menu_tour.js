import { registry } from "@web/core/registry";

const LATE = "Call back about the late delivery";
const TODAY = "Send the price list";
const FUTURE = "Prepare the annual review";

/**
 * Open the Customer Interaction line of the activity menu at one of its counts, and find the one interaction
 * that count stands for, and no other.
 */
function openCount(count, subject) {
    return [
        {
            content: "Open my activities",
            trigger: ".o_menu_systray .o-mail-ActivityMenu-counter",
            run: "click",
        },
        {
            content: `Open the interactions of the count "${count}"`,
            trigger: `.o-mail-ActivityGroup[data-model_name='crm.interaction'] span:contains('1 ${count}')`,
            run: "click",
        },
        {
            content: `Only "${subject}" is listed`,
            trigger: `.o_list_view:has(.o_data_row:contains('${subject}')):not(:has(.o_data_row:not(:contains('${subject}'))))`,
        },
    ];
}

/**
 * A salesperson opens the late, today's and future interactions from the activity menu, each count on its own.
 */
registry.category("web_tour.tours").add("crm_extended_activity_menu_counts", {
    steps: () => [
        ...openCount("Late", LATE),
        ...openCount("Today", TODAY),
        ...openCount("Future", FUTURE),
    ],
});
