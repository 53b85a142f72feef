"""The control panel above every view: buttons, breadcrumbs, search, pager and view switcher."""

from __future__ import annotations

from dataclasses import dataclass

from onboardkit.standin.render.context import RenderContext
from onboardkit.standin.render.html import cls, el, esc, icon
from onboardkit.standin.routing import bound_actions

SWITCH_ICONS = {"list": "oi-view-list", "kanban": "oi-view-kanban", "form": "oi-view-form"}


@dataclass
class Crumb:
    """A breadcrumb: its label and, for earlier ones, where it leads."""

    label: str
    href: str | None = None


@dataclass
class Panel:
    """Contents of one view's control panel."""

    crumbs: list[Crumb]
    main_buttons: str = ""
    status_indicator: str = ""
    actions: str = ""
    pager: str = ""
    switcher: str = ""
    extra_classes: str = ""
    gear: bool = True
    buttons_first: str = ""


def render_panel(ctx: RenderContext, panel: Panel) -> str:
    """Return ``div.o_control_panel`` as the Odoo 18 web client lays it out."""
    breadcrumbs = el(
        "div",
        {"class": "o_control_panel_breadcrumbs d-flex align-items-center gap-1 order-0 h-lg-100"},
        el(
            "div",
            {"class": "o_control_panel_main_buttons d-flex gap-1 d-empty-none d-print-none"},
            el("div", {"class": "d-inline-flex gap-1"}, panel.main_buttons),
        ),
        _breadcrumb(panel),
        panel.status_indicator,
        panel.buttons_first,
        el("div", {"class": "me-auto"}, ""),
    )
    actions = el(
        "div",
        {
            "class": "o_control_panel_actions d-empty-none d-flex align-items-center "
            "justify-content-start justify-content-lg-around order-2 order-lg-1 w-100 "
            "w-lg-auto"
        },
        panel.actions,
    )
    navigation = el(
        "div",
        {
            "class": "o_control_panel_navigation d-flex flex-wrap flex-md-nowrap "
            "justify-content-end gap-1 gap-xl-3 order-1 order-lg-2 flex-grow-1"
        },
        panel.pager,
        panel.switcher,
    )
    main = el(
        "div",
        {
            "class": "o_control_panel_main d-flex flex-wrap flex-lg-nowrap justify-content-between "
            "align-items-lg-start gap-1 gap-lg-3 flex-grow-1"
        },
        breadcrumbs,
        actions,
        navigation,
    )
    return el(
        "div",
        {
            "class": cls(
                "o_control_panel d-flex flex-column gap-3 px-3 pt-2 pb-3", panel.extra_classes
            )
        },
        main,
    )


def _breadcrumb(panel: Panel) -> str:
    *earlier, last = panel.crumbs
    gear = (
        el(
            "div",
            {"class": "o_control_panel_breadcrumbs_actions d-inline-flex d-print-none"},
            el(
                "div",
                {"class": "o_cp_action_menus d-flex align-items-center gap-1 pe-2"},
                el(
                    "div",
                    {"class": "lh-1"},
                    el(
                        "button",
                        {
                            "class": "d-print-none btn lh-sm p-0 border-0 o-dropdown "
                            "dropdown-toggle dropdown",
                            "type": "button",
                        },
                        icon("fa-cog"),
                    ),
                ),
            ),
        )
        if panel.gear
        else ""
    )
    current = el(
        "div",
        {
            "class": cls(
                "o_last_breadcrumb_item active d-flex min-w-0 align-items-center",
                "gap-2 lh-sm" if earlier else "fs-4",
            )
        },
        el("span", {"class": "min-w-0 text-truncate"}, esc(last.label)),
    )
    if not earlier:
        return el("div", {"class": "o_breadcrumb d-flex gap-1 text-truncate"}, current, gear)
    items = [
        el(
            "li",
            {"class": "breadcrumb-item d-inline-flex min-w-0 o_back_button"},
            el(
                "a", {"class": "fw-bold text-truncate", "href": crumb.href or "#"}, esc(crumb.label)
            ),
        )
        for crumb in earlier
    ]
    return el(
        "div",
        {
            "class": "o_breadcrumb d-flex flex-row flex-md-column align-self-stretch "
            "justify-content-between min-w-0"
        },
        el("ol", {"class": "breadcrumb flex-nowrap text-nowrap lh-sm"}, *items),
        el("div", {"class": "d-flex gap-1 text-truncate"}, current, gear),
    )


def selection_actions(ctx: RenderContext, model: str) -> str:
    """Return the count of selected rows and the Actions menu, shown once rows are selected.

    The browser script shows them in place of the search view while a row's checkbox is
    checked. The menu lists Export, Duplicate and Delete, then the window actions bound to
    the model (``binding_model_id``), which open as dialogs on the selected records.
    NOTE: Export, Duplicate and Delete only close the menu here.
    """
    count = el(
        "span",
        {"class": "o_list_selection_count list-group-item btn-light border-0 px-2"},
        el("span", {"class": "o_selected_number"}, "0"),
        " ",
        esc(ctx.tr.chrome("selected")),
    )
    standard = [
        el("span", {"class": "dropdown-item o-navigable o_menu_item"}, esc(ctx.tr.chrome(label)))
        for label in ("Export", "Duplicate", "Delete")
    ]
    bound = [
        el(
            "span",
            {"class": "dropdown-item o-navigable o_menu_item", "data-bound-action": xmlid},
            esc(ctx.tr.action(xmlid, name)),
        )
        for xmlid, name in bound_actions(ctx.db, model)
    ]
    separator = [el("div", {"class": "dropdown-divider"}, "")] if bound else []
    menu = el(
        "div",
        {"class": "o_cp_action_menus d-flex align-items-center"},
        el(
            "div",
            {"class": "dropdown position-relative"},
            el(
                "button",
                {"class": "btn btn-secondary o-dropdown dropdown-toggle", "type": "button"},
                icon("fa-cog", "me-1"),
                el("span", {"class": "o_dropdown_title"}, esc(ctx.tr.chrome("Actions"))),
            ),
            el(
                "div",
                {"class": "o-dropdown--menu dropdown-menu d-none"},
                *standard,
                *separator,
                *bound,
            ),
        ),
    )
    return el(
        "div",
        {"class": "o_list_selection_actions d-none align-items-center gap-1"},
        el("div", {"class": "o_list_selection_box list-group flex-row"}, count),
        menu,
    )


def search_box(ctx: RenderContext, term: str = "", with_toggler: bool = True) -> str:
    """Return the search view's input.

    NOTE: the search view's filters, group-bys and facets are not rendered; typing a term and
    Enter filters on the model's name field only.
    """
    field = el(
        "div",
        {
            "class": cls(
                "o_searchview form-control d-print-contents d-flex align-items-center py-1",
                with_toggler and "border-end-0",
            ),
            "role": "search",
        },
        el(
            "button",
            {
                "class": "d-print-none btn border-0 p-0",
                "type": "button",
                "aria-label": ctx.tr.chrome("Search"),
            },
            icon("oi-search", "o_searchview_icon me-2"),
        ),
        el(
            "div",
            {"class": "o_searchview_input_container d-flex flex-grow-1 flex-wrap gap-1"},
            el(
                "input",
                {
                    "class": "o_searchview_input o_input d-print-none flex-grow-1 w-auto border-0",
                    "type": "text",
                    "role": "searchbox",
                    "placeholder": ctx.tr.chrome("Search..."),
                    "value": term or None,
                },
            ),
        ),
    )
    toggler = (
        el(
            "button",
            {
                "class": "o_searchview_dropdown_toggler d-print-none btn "
                "btn-outline-secondary o-dropdown-caret rounded-start-0 o-dropdown "
                "dropdown-toggle dropdown",
                "type": "button",
                "aria-label": ctx.tr.chrome("Filters"),
            },
            "",
        )
        if with_toggler
        else ""
    )
    return el(
        "div",
        {
            "class": cls("o_cp_searchview d-flex", "input-group" if with_toggler else "w-100"),
            "role": "search",
        },
        field,
        toggler,
    )


def pager(
    ctx: RenderContext, value: str, limit: int, previous: str | None, following: str | None
) -> str:
    """Return the pager: ``value`` is "1-11" (lists) or "3" (a record), ``limit`` the total."""
    buttons = el(
        "span",
        {"class": "btn-group d-print-none"},
        el(
            "button",
            {
                "class": "oi oi-chevron-left btn btn-secondary o_pager_previous px-2 rounded-start",
                "type": "button",
                "data-href": previous,
                "aria-label": ctx.tr.chrome("Previous"),
                "disabled": previous is None,
            },
        ),
        el(
            "button",
            {
                "class": "oi oi-chevron-right btn btn-secondary o_pager_next px-2 rounded-end",
                "type": "button",
                "data-href": following,
                "aria-label": ctx.tr.chrome("Next"),
                "disabled": following is None,
            },
        ),
    )
    counter = el(
        "span",
        {"class": "o_pager_counter align-self-center"},
        el(
            "span",
            {"class": "o_pager_value d-inline-block border-bottom border-transparent mb-n1"},
            esc(value),
        ),
        el("span", {}, " / "),
        el("span", {"class": "o_pager_limit"}, str(limit)),
    )
    return el(
        "div",
        {"class": "o_cp_pager text-nowrap", "role": "search"},
        el("nav", {"class": "o_pager d-flex gap-2 h-100", "aria-label": "Pager"}, counter, buttons),
    )


def switcher(ctx: RenderContext, view_types: list[str], current: str, hrefs: dict[str, str]) -> str:
    """Return the view switcher of a multi-record view (form is not a switch target)."""
    shown = [kind for kind in view_types if kind != "form"]
    if len(shown) < 2:
        return ""
    buttons = [
        el(
            "button",
            {
                "class": cls(
                    "btn btn-secondary o_switch_view", f"o_{kind}", kind == current and "active"
                ),
                "type": "button",
                "data-href": hrefs[kind],
                "aria-label": ctx.tr.chrome(kind.title()),
                "title": ctx.tr.chrome(kind.title()),
            },
            icon(SWITCH_ICONS.get(kind, "oi-view-list")),
        )
        for kind in shown
    ]
    return el(
        "nav", {"class": "o_cp_switch_buttons d-print-none d-inline-flex btn-group"}, *buttons
    )
