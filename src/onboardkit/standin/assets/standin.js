// Core of the stand-in's web client: JSON-RPC over XHR with Odoo's loading indicator, the bus
// request held open, the router (/odoo/... and old /web#... URLs) and mounting of the HTML the
// server renders. Interactions (buttons, dialogs, toasts, dates) are in standin_ui.js.
(() => {
  const boot = JSON.parse(document.getElementById("standin-boot").textContent);
  const pageQuery = new URLSearchParams(window.location.search);
  const extraDelay = pageQuery.get("delay");
  const S = {
    boot,
    search: "",
    current: null,
    menusLoaded: false,
    hooks: { afterMount: [] },
  };
  window.odoo = Object.assign(window.odoo || {}, {
    isReady: false,
    info: { server_version: "18.0-standin", standin: true },
    standin: S,
  });

  // Loading indicator: shown when one request has been pending for 250 ms, removed 400 ms
  // after the last request ends.
  let pending = 0;
  let hideTimer = null;
  function showIndicator() {
    clearTimeout(hideTimer);
    hideTimer = null;
    if (document.querySelector(".o_loading_indicator")) {
      return;
    }
    const span = document.createElement("span");
    span.className = "o_loading_indicator";
    span.textContent = boot.terms["Loading..."] || "Loading...";
    document.body.appendChild(span);
  }
  function requestEnded() {
    pending -= 1;
    if (pending === 0 && document.querySelector(".o_loading_indicator")) {
      clearTimeout(hideTimer);
      hideTimer = setTimeout(() => {
        hideTimer = null;
        if (pending === 0) {
          document.querySelectorAll(".o_loading_indicator").forEach((el) => el.remove());
        }
      }, 400);
    }
  }

  S.rpc = function rpc(path, params) {
    const url = extraDelay ? `${path}?delay=${encodeURIComponent(extraDelay)}` : path;
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open("POST", url);
      xhr.setRequestHeader("Content-Type", "application/json");
      let done = false;
      pending += 1;
      const slowTimer = setTimeout(() => {
        if (!done) {
          showIndicator();
        }
      }, 250);
      xhr.addEventListener("loadend", () => {
        done = true;
        clearTimeout(slowTimer);
        requestEnded();
        let body = null;
        try {
          body = JSON.parse(xhr.responseText);
        } catch (error) {
          reject({ message: `HTTP ${xhr.status}`, name: "" });
          return;
        }
        if (body && body.error) {
          const data = body.error.data || {};
          reject({ message: data.message || body.error.message, name: data.name || "" });
        } else {
          resolve(body ? body.result : null);
        }
      });
      xhr.send(JSON.stringify({ jsonrpc: "2.0", method: "call", id: Date.now(), params }));
    });
  };

  // Odoo's bus keeps one request open at all times, so the network is never idle.
  function startBus() {
    const poll = () => {
      fetch("/longpolling/poll", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", method: "call", params: { channels: [] } }),
      })
        .then(() => setTimeout(poll, 10))
        .catch(() => setTimeout(poll, 2000));
    };
    poll();
  }

  // Router ----------------------------------------------------------------------------------

  // The optional list columns a user chose, which the web client keeps in local storage.
  function optionalColumns() {
    const entries = {};
    for (let index = 0; index < window.localStorage.length; index++) {
      const key = window.localStorage.key(index);
      if (key.startsWith("optional_fields,")) entries[key] = window.localStorage.getItem(key);
    }
    return entries;
  }

  function locationParams() {
    return {
      path: window.location.pathname,
      query: window.location.search,
      hash: window.location.hash,
      search: S.search,
      optional: optionalColumns(),
    };
  }

  S.navigate = function navigate(href, options = {}) {
    const target = new URL(href, window.location.href);
    for (const key of ["debug", "lang"]) {
      if (pageQuery.has(key) && !target.searchParams.has(key)) {
        target.searchParams.set(key, pageQuery.get(key));
      }
    }
    const url = target.pathname + target.search + target.hash;
    if (options.replace) {
      window.history.replaceState({}, "", url);
    } else {
      window.history.pushState({}, "", url);
    }
    S.search = options.keepSearch ? S.search : "";
    return S.load();
  };

  S.load = async function load() {
    const params = locationParams();
    try {
      if (!S.menusLoaded) {
        await S.rpc("/web/webclient/load_menus", {});
        S.menusLoaded = true;
      }
      const action = await S.rpc("/web/action/load", params);
      const model = action.res_model;
      const kind = action.view_type;
      await S.rpc(`/web/dataset/call_kw/${model}/get_views`, {
        model,
        method: "get_views",
        args: [],
        kwargs: { views: action.views, options: {} },
      });
      if (action.target !== "new") {
        await readRecords(model, kind, action.res_id);
      }
      const rendered = await S.rpc("/standin/render", params);
      mount(rendered);
    } catch (error) {
      S.showError(error);
    }
  };

  function readRecords(model, kind, resId) {
    if (resId || kind === "form") {
      const ids = resId ? [resId] : [];
      return S.rpc(`/web/dataset/call_kw/${model}/web_read`, {
        model, method: "web_read", args: [ids], kwargs: { specification: {} },
      });
    }
    return S.rpc(`/web/dataset/call_kw/${model}/web_search_read`, {
      model, method: "web_search_read", args: [],
      kwargs: { specification: { display_name: {} }, limit: 80 },
    });
  }

  function mount(rendered) {
    S.current = rendered;
    const here = window.location.pathname + window.location.search;
    if (rendered.url && rendered.url !== here + window.location.hash) {
      window.history.replaceState({}, "", rendered.url);
    }
    let navbar = document.querySelector("header.o_navbar");
    const holder = document.createElement("div");
    holder.innerHTML = rendered.navbar;
    if (navbar) {
      navbar.replaceWith(holder.firstElementChild);
    } else {
      document.body.prepend(holder.firstElementChild);
    }
    let manager = document.querySelector(".o_action_manager");
    if (!manager) {
      manager = document.createElement("div");
      manager.className = "o_action_manager";
      document.querySelector("header.o_navbar").after(manager);
    }
    S.closeDialogs();
    manager.innerHTML = rendered.action;
    if (rendered.dialog) {
      S.openDialog(rendered.dialog);
    }
    document.title = `${rendered.title} - ${boot.title_suffix}`;
    S.hooks.afterMount.forEach((hook) => hook(document));
  }
  S.mount = mount;

  window.addEventListener("popstate", () => S.load());

  function start() {
    window.odoo.isReady = true;
    startBus();
    S.load();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
