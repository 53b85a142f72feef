// Interactions of the stand-in's web client: links, rows and cards, notebooks, settings tabs,
// form editing and saving, view buttons (with blockUI), dialogs, toasts and date rendering.
(() => {
  const S = window.odoo.standin;
  const terms = S.boot.terms;
  const t = (text) => terms[text] || text;

  // Dates: values are UTC; they are shown in the browser's time zone and locale. -----------

  const numbering = S.boot.locale.startsWith("ar") ? "-u-nu-arab" : "";
  const locale = (S.boot.locale.startsWith("ar") ? "ar" : "en-US") + numbering;
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
  });
  const dateFormat = new Intl.DateTimeFormat(locale, {
    year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC",
  });
  const dayFormat = new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric" });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });

  const parseUtc = (value) => new Date(`${value.replace(" ", "T")}${value.length > 10 ? "Z" : "T00:00:00Z"}`);

  // Odoo's patterns: MM/DD/YYYY HH:mm:ss in English, DD/MM/YYYY in Arabic.
  function pattern(format, date) {
    const parts = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
    const day = S.boot.locale.startsWith("ar")
      ? `${parts.day}/${parts.month}/${parts.year}`
      : `${parts.month}/${parts.day}/${parts.year}`;
    return parts.hour ? `${day} ${parts.hour}:${parts.minute}:${parts.second}` : day;
  }

  function formatDates(root) {
    for (const el of root.querySelectorAll(".o_standin_date[data-value]")) {
      const value = el.dataset.value;
      const date = parseUtc(value);
      const text = pattern(el.dataset.type === "date" ? dateFormat : dateTimeFormat, date);
      if (el.tagName === "INPUT") {
        el.value = text;
      } else {
        el.textContent = text;
      }
    }
    refreshRelativeDates(root);
  }

  function relativeText(date) {
    const seconds = Math.round((Date.now() - date.getTime()) / 1000);
    const steps = [[60, "second"], [3600, "minute"], [86400, "hour"], [2592000, "day"],
                   [31536000, "month"], [Infinity, "year"]];
    if (seconds < 45) {
      return relative.format(0, "second");
    }
    let divisor = 1;
    for (const [limit, unit] of steps) {
      if (seconds < limit) {
        return relative.format(-Math.round(seconds / divisor), unit);
      }
      divisor = limit;
    }
    return "";
  }

  function refreshRelativeDates(root) {
    for (const el of root.querySelectorAll(".o-mail-Message-date[data-value]")) {
      el.textContent = relativeText(parseUtc(el.dataset.value));
      el.title = pattern(dateTimeFormat, parseUtc(el.dataset.value));
    }
    for (const el of root.querySelectorAll(".o_standin_day[data-value]")) {
      const date = parseUtc(el.dataset.value);
      const days = Math.floor(Date.now() / 86400000) - Math.floor(date.getTime() / 86400000);
      let label = dayFormat.format(date);
      if (days === 0) {
        label = t("Today");
      } else if (days === 1) {
        label = t("Yesterday");
      }
      el.textContent = label;
    }
  }
  setInterval(() => refreshRelativeDates(document), 60000);
  S.hooks.afterMount.push(formatDates);

  // Dialogs, toasts and the blocking overlay ------------------------------------------------

  S.openDialog = function openDialog(html) {
    const container = document.querySelector(".o-overlay-container") || document.body;
    const holder = document.createElement("div");
    holder.innerHTML = html;
    const dialog = holder.firstElementChild;
    container.appendChild(dialog);
    document.body.classList.add("modal-open");
    formatDates(dialog);
    const field = dialog.querySelector("input:not([type=hidden]):not([disabled]), .btn-primary");
    if (field) {
      field.focus();
    }
    return dialog;
  };

  S.closeDialogs = function closeDialogs(only) {
    const dialogs = only ? [only] : document.querySelectorAll(".o_dialog");
    dialogs.forEach((dialog) => dialog.remove());
    if (!document.querySelector(".o_dialog")) {
      document.body.classList.remove("modal-open");
    }
  };

  function frame(title, body, buttons) {
    const esc = (text) => String(text).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
    return `<div class="o_dialog"><div class="modal d-block o_technical_modal" role="dialog"
      tabindex="-1"><div class="modal-dialog modal-dialog-centered"><div class="modal-content">
      <header class="modal-header"><h4 class="modal-title text-break flex-grow-1">${esc(title)}</h4>
      <button type="button" class="btn-close" aria-label="${esc(t("Close"))}" special="cancel"></button>
      </header><main class="modal-body">${esc(body)}</main>
      <footer class="modal-footer justify-content-around justify-content-md-start flex-wrap gap-1 w-100">
      ${buttons}</footer></div></div></div></div>`;
  }

  S.confirm = function confirm(message) {
    return new Promise((resolve) => {
      const dialog = S.openDialog(frame(t("Confirmation"), message,
        `<button type="button" class="btn btn-primary o_standin_ok">${t("Ok")}</button>
         <button type="button" class="btn btn-secondary" special="cancel">${t("Cancel")}</button>`));
      dialog.addEventListener("click", (event) => {
        const ok = event.target.closest(".o_standin_ok");
        const cancel = event.target.closest("[special=cancel]");
        if (ok || cancel) {
          event.stopPropagation();
          S.closeDialogs(dialog);
          resolve(Boolean(ok));
        }
      });
    });
  };

  S.showError = function showError(error) {
    S.openDialog(frame("Odoo Error", error.message || String(error),
      `<button type="button" class="btn btn-primary" special="cancel">${t("Close")}</button>`));
  };

  S.notify = function notify(title, message, type = "success") {
    const manager = document.querySelector(".o_notification_manager:not(.o_upload_progress_toast)");
    const toast = document.createElement("div");
    toast.className = `o_notification d-flex mb-2 position-relative border border-${type} bg-view`;
    toast.setAttribute("role", "alert");
    toast.innerHTML = `<div class="o_notification_body d-flex flex-column flex-grow-1 p-2 ps-3">
      <strong class="o_notification_title d-block text-${type} me-4"></strong>
      <div class="o_notification_content"></div></div>
      <button type="button" class="o_notification_close btn-close" aria-label="${t("Close")}"></button>`;
    toast.querySelector(".o_notification_title").textContent = title;
    toast.querySelector(".o_notification_content").textContent = message;
    manager.appendChild(toast);
    setTimeout(() => toast.remove(), 4000);
  };

  async function blocking(work) {
    const overlay = document.createElement("div");
    overlay.className = "o_blockUI fixed-top d-flex justify-content-center align-items-center";
    overlay.innerHTML = `<div class="o_spinner mb-4"></div><div class="o_message text-center px-4">${t("Loading...")}</div>`;
    document.body.appendChild(overlay);
    try {
      return await work();
    } finally {
      overlay.remove();
    }
  }

  // Forms: dirty state and saving ----------------------------------------------------------

  function formOf(element) {
    return element.closest(".o_form_view[data-model], .o_form_view_dialog[data-model]");
  }

  function fieldValue(input) {
    if (input.type === "checkbox") return input.checked;
    if (input.type === "radio") return input.value;
    if (input.tagName === "SELECT") return input.value === "false" ? false : input.value;
    return input.value;
  }

  document.addEventListener("input", markDirty);
  document.addEventListener("change", markDirty);
  function markDirty(event) {
    const input = event.target.closest("[data-field]");
    const form = input && formOf(input);
    // NOTE: many2one and date inputs show their value but cannot be changed: there is no
    // autocomplete or date picker, so their edits are not saved.
    if (!form || input.closest(".o_field_many2one_selection, .o_datetime_input_wrapper")) return;
    if (input.type === "radio" && !input.checked) return;
    form.dirty = Object.assign(form.dirty || {}, { [input.dataset.field]: fieldValue(input) });
    const renderer = form.querySelector(".o_form_renderer");
    if (renderer) {
      renderer.classList.replace("o_form_saved", "o_form_dirty");
    }
    const buttons = form.querySelector(".o_form_status_indicator_buttons");
    if (buttons) buttons.classList.remove("invisible");
  }

  async function save(form) {
    const model = form.dataset.model;
    const id = Number(form.dataset.record) || false;
    const result = await S.rpc(`/web/dataset/call_kw/${model}/web_save`, {
      model, method: "web_save", args: [id ? [id] : [], form.dirty || {}], kwargs: { specification: {} },
    });
    form.dirty = {};
    S.notify(t("Saved"), t("The record has been saved."));
    if (!id && result && result[0] && form.classList.contains("o_action")) {
      const target = new URL(S.current.base, window.location.href);
      target.pathname += `/${result[0].id}`;
      return S.navigate(target.href, { replace: true });
    }
    return S.load();
  }

  // Buttons ------------------------------------------------------------------------------

  function activeContext(button) {
    const form = formOf(button);
    if (form && Number(form.dataset.record)) {
      return { active_model: form.dataset.model, active_ids: [Number(form.dataset.record)] };
    }
    const selected = [...document.querySelectorAll("tr.o_data_row .form-check-input:checked")];
    const ids = selected.map((box) => S.current.datapoints[box.closest("tr").dataset.id]);
    return { active_model: S.current.model, active_ids: ids };
  }

  // Opens a window action: a dialog when its target is "new", else its page.
  async function openAction(action, context) {
    const query = Object.fromEntries(new URLSearchParams(window.location.search));
    const result = await S.rpc("/standin/dialog", { action, context, query });
    if (result.dialog) S.openDialog(result.dialog);
    else if (result.url) S.navigate(result.url);
  }

  async function runButton(button) {
    const message = button.dataset.confirm;
    if (message && !(await S.confirm(message))) return;
    const kind = button.getAttribute("type");
    const name = button.getAttribute("name");
    const dialog = button.closest(".o_dialog");
    if (kind === "action") {
      await openAction(name, activeContext(button));
      return;
    }
    const form = formOf(button);
    const model = form ? form.dataset.model : S.current.model;
    const ids = form && Number(form.dataset.record) ? [Number(form.dataset.record)] : [];
    await blocking(() => S.rpc(`/web/dataset/call_button/${model}/${name}`, {
      model, method: name, args: [ids], kwargs: {},
    }));
    if (dialog) S.closeDialogs(dialog);
    await S.load();
  }

  // Clicks -------------------------------------------------------------------------------

  function closeDropdowns(except) {
    document.querySelectorAll(".o-dropdown--menu:not(.d-none)").forEach((menu) => {
      if (menu !== except) menu.classList.add("d-none");
    });
  }

  function openRecord(datapoint) {
    const id = S.current && S.current.datapoints[datapoint];
    if (!id) return;
    const target = new URL(S.current.base, window.location.href);
    target.pathname += `/${id}`;
    S.navigate(target.href);
  }

  // Row selection: checked rows replace the search view with their count and the Actions menu.
  function updateSelection() {
    const boxes = [...document.querySelectorAll(".o_action tr.o_data_row .o_list_record_selector input")];
    const checked = boxes.filter((box) => box.checked);
    boxes.forEach((box) => box.closest("tr").classList.toggle("o_data_row_selected", box.checked));
    const all = document.querySelector(".o_action thead .o_list_record_selector input");
    if (all) all.checked = boxes.length > 0 && checked.length === boxes.length;
    const bar = document.querySelector(".o_list_selection_actions");
    const search = document.querySelector(".o_control_panel_actions .o_cp_searchview");
    if (!bar) return;
    bar.querySelector(".o_selected_number").textContent = String(checked.length);
    bar.classList.toggle("d-none", checked.length === 0);
    bar.classList.toggle("d-flex", checked.length > 0);
    if (search) {
      search.classList.toggle("d-none", checked.length > 0);
      search.classList.toggle("d-flex", checked.length === 0);
    }
  }

  document.addEventListener("change", (event) => {
    const box = event.target.closest(".o_action .o_list_record_selector input");
    if (!box || box.closest(".o_field_x2many")) return;
    if (box.closest("thead")) {
      document
        .querySelectorAll(".o_action tr.o_data_row .o_list_record_selector input")
        .forEach((row) => { row.checked = box.checked; });
    }
    updateSelection();
  });

  // The optional columns menu sits in a scrolling table, so it is placed in the window.
  function openOptionalMenu(toggle) {
    const menu = toggle.nextElementSibling;
    const box = toggle.getBoundingClientRect();
    menu.style.position = "fixed";
    menu.style.top = `${box.bottom}px`;
    if (getComputedStyle(document.body).direction === "rtl") {
      menu.style.left = `${box.left}px`;
    } else {
      menu.style.right = `${document.documentElement.clientWidth - box.right}px`;
    }
    closeDropdowns(menu);
    menu.classList.remove("d-none");
  }

  async function toggleOptionalColumn(checkbox) {
    const menu = checkbox.closest(".o-dropdown--menu");
    const checked = Array.from(menu.querySelectorAll("input:checked"), (input) => input.name);
    window.localStorage.setItem(menu.dataset.key, checked.join(","));
    await S.load();
    const toggle = document.querySelector(".o_optional_columns_dropdown > button");
    if (toggle) openOptionalMenu(toggle);
  }

  document.addEventListener("click", (event) => {
    const el = event.target;
    const toggle = el.closest(
      ".o_navbar_apps_menu > button, .o_menu_section_dropdown > button, " +
        ".o_list_selection_actions .dropdown-toggle",
    );
    if (toggle) {
      const menu = toggle.nextElementSibling;
      closeDropdowns(menu);
      menu.classList.toggle("d-none");
      return;
    }
    const boundAction = el.closest("[data-bound-action]");
    if (boundAction) {
      closeDropdowns();
      openAction(boundAction.dataset.boundAction, activeContext(boundAction)).catch(S.showError);
      return;
    }
    const optionalToggle = el.closest(".o_optional_columns_dropdown > button");
    if (optionalToggle) {
      if (optionalToggle.nextElementSibling.classList.contains("d-none")) {
        openOptionalMenu(optionalToggle);
      } else {
        closeDropdowns();
      }
      return;
    }
    const optionalBox = el.closest(".o_optional_columns_dropdown input[type=checkbox]");
    if (optionalBox) {
      toggleOptionalColumn(optionalBox).catch(S.showError);
      return;
    }
    if (el.closest(".o_optional_columns_dropdown .o-dropdown--menu")) {
      return;
    }
    closeDropdowns();
    const special = el.closest("[special=cancel], .o_dialog .btn-close");
    if (special) {
      S.closeDialogs(special.closest(".o_dialog"));
      return;
    }
    if (el.closest(".o_notification_close")) {
      el.closest(".o_notification").remove();
      return;
    }
    const viewButton = el.closest("button[type=object], button[type=action]");
    if (viewButton) {
      event.preventDefault();
      runButton(viewButton).catch(S.showError);
      return;
    }
    const save_ = el.closest(".o_form_button_save");
    if (save_) {
      save(formOf(save_) || document.querySelector(".o_action[data-model]")).catch(S.showError);
      return;
    }
    if (el.closest(".o_form_button_cancel")) {
      const dialog = el.closest(".o_dialog");
      if (dialog) S.closeDialogs(dialog);
      else S.load();
      return;
    }
    const tab = el.closest(".o_notebook .nav-link[data-page]");
    if (tab) {
      event.preventDefault();
      switchPage(tab);
      return;
    }
    const appTab = el.closest(".settings_tab a.tab");
    if (appTab) {
      event.preventDefault();
      selectSettingsApp(appTab.dataset.key);
      return;
    }
    const dataHref = el.closest("button[data-href]");
    if (dataHref && !dataHref.disabled) {
      S.navigate(dataHref.dataset.href);
      return;
    }
    if (el.closest("input, label, select, textarea, a.o_form_uri")) {
      return;
    }
    const selector = el.closest(".o_action .o_list_record_selector");
    if (selector && !selector.closest(".o_field_x2many")) {
      selector.querySelector("input").click();
      return;
    }
    const link = el.closest("a[href]");
    if (link && link.getAttribute("href").startsWith("/odoo") && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      S.navigate(link.getAttribute("href"));
      return;
    }
    const row = el.closest(".o_action tr.o_data_row, .o_action article.o_kanban_record");
    if (row && !row.closest(".o_field_x2many")) {
      openRecord(row.dataset.id);
    }
  });

  document.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.target.matches(".o_searchview_input")) {
      S.search = event.target.value;
      S.load();
    }
  });

  function switchPage(tab) {
    const notebook = tab.closest(".o_notebook");
    const content = notebook.querySelector(".o_notebook_content");
    const active = content.querySelector(".tab-pane.active");
    if (active) {
      const stored = document.createElement("template");
      stored.dataset.page = active.dataset.page;
      stored.content.append(...active.childNodes);
      active.replaceWith(stored);
    }
    const template = content.querySelector(`template[data-page="${tab.dataset.page}"]`);
    const pane = document.createElement("div");
    pane.className = "tab-pane active fade show";
    pane.dataset.page = tab.dataset.page;
    pane.append(template.content.cloneNode(true));
    template.replaceWith(pane);
    notebook.querySelectorAll(".nav-link").forEach((link) => link.classList.toggle("active", link === tab));
    formatDates(pane);
  }

  function selectSettingsApp(key) {
    document.querySelectorAll(".settings_tab a.tab").forEach((tab) => {
      tab.classList.toggle("selected", tab.dataset.key === key);
    });
    document.querySelectorAll(".app_settings_block").forEach((block) => {
      block.classList.toggle("d-none", block.dataset.key !== key);
    });
    const settings = document.querySelector(".o_content");
    if (settings) settings.scrollTop = 0;
  }
})();
