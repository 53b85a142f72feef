// Installed in every page before its own scripts run (Playwright init script).
// It counts pending XHR and fetch requests, turns off animations, caret and scrollbars, and
// exposes window.__onboardkit with the ready check, hiding and masking used before a capture.
(() => {
  if (window.__onboardkit) {
    return;
  }
  // Requests that stay open by design (Odoo's bus long-polling and websocket fallbacks) are
  // not counted, or the page would never be ready.
  const LONG_POLL = /\/(longpolling|websocket|bus)\//;
  let pending = 0;

  const originalSend = XMLHttpRequest.prototype.send;
  const originalOpen = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.__onboardkitUrl = String(url);
    return originalOpen.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (LONG_POLL.test(this.__onboardkitUrl || "")) {
      return originalSend.apply(this, args);
    }
    pending += 1;
    let finished = false;
    const finish = () => {
      if (!finished) {
        finished = true;
        pending -= 1;
      }
    };
    this.addEventListener("loadend", finish);
    try {
      return originalSend.apply(this, args);
    } catch (error) {
      finish();
      throw error;
    }
  };

  if (window.fetch) {
    const originalFetch = window.fetch;
    window.fetch = function (resource, ...rest) {
      const url = typeof resource === "string" ? resource : (resource && resource.url) || "";
      if (LONG_POLL.test(String(url))) {
        return originalFetch.call(this, resource, ...rest);
      }
      pending += 1;
      let finished = false;
      const finish = () => {
        if (!finished) {
          finished = true;
          pending -= 1;
        }
      };
      try {
        return originalFetch.call(this, resource, ...rest).finally(finish);
      } catch (error) {
        finish();
        throw error;
      }
    };
  }

  const STABLE_CSS = `
    *, *::before, *::after {
      transition-duration: 0s !important;
      transition-delay: 0s !important;
      animation-duration: 0s !important;
      animation-delay: 0s !important;
      animation-iteration-count: 1 !important;
      caret-color: transparent !important;
      scroll-behavior: auto !important;
    }
    * { scrollbar-width: none !important; }
    *::-webkit-scrollbar { display: none !important; width: 0 !important; height: 0 !important; }
    .o_loading_indicator { visibility: hidden !important; }
  `;

  const installStyle = () => {
    if (document.getElementById("onboardkit-stable")) {
      return;
    }
    const style = document.createElement("style");
    style.id = "onboardkit-stable";
    style.textContent = STABLE_CSS;
    (document.head || document.documentElement).appendChild(style);
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", installStyle);
  } else {
    installStyle();
  }

  const TICK_MS = 50;
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

  function imagesLoading() {
    const width = window.innerWidth;
    const height = window.innerHeight;
    let loading = 0;
    for (const image of document.images) {
      if (image.complete) {
        continue;
      }
      const box = image.getBoundingClientRect();
      const visible = box.width > 0 && box.height > 0;
      const inView = box.bottom > 0 && box.right > 0 && box.top < height && box.left < width;
      if (visible && inView) {
        loading += 1;
      }
    }
    return loading;
  }

  function notReadyReason(actionSelector) {
    if (document.readyState !== "complete") {
      return "the document is still loading";
    }
    const webClient = document.body && document.body.classList.contains("o_web_client");
    if (webClient && !document.querySelector(actionSelector)) {
      return "the web client has not rendered the action yet";
    }
    if (document.querySelector(".o_loading_indicator")) {
      return "Odoo's loading indicator is shown";
    }
    if (document.querySelector(".o_blockUI")) {
      return "the screen is blocked (.o_blockUI)";
    }
    if (pending > 0) {
      return `${pending} request(s) still pending`;
    }
    const images = imagesLoading();
    if (images > 0) {
      return `${images} image(s) still loading`;
    }
    if (document.fonts && document.fonts.status !== "loaded") {
      return "fonts still loading";
    }
    return "";
  }

  // Ticks are counted rather than clock time measured, because the page clock is frozen.
  async function waitReady(options) {
    const holdTicks = Math.max(1, Math.ceil(options.holdMs / TICK_MS));
    const limitTicks = Math.ceil(options.timeoutMs / TICK_MS);
    let stableTicks = 0;
    let reason = "";
    for (let tick = 0; tick <= limitTicks; tick += 1) {
      reason = notReadyReason(options.actionSelector);
      stableTicks = reason ? 0 : stableTicks + 1;
      if (stableTicks >= holdTicks) {
        await nextFrame();
        await nextFrame();
        return { ready: true, reason: "" };
      }
      await sleep(TICK_MS);
    }
    return { ready: false, reason };
  }

  // Masked texts stay in this closure only, so that nothing the page renders or exposes on
  // window carries them after masking. Each maps to the text that replaces it.
  const maskedOriginals = new Map();

  function rememberOriginal(text, replacement) {
    const trimmed = (text || "").trim();
    if (trimmed.length >= 3 && trimmed !== replacement) {
      maskedOriginals.set(trimmed, replacement);
    }
  }

  function maskElement(element, replacement) {
    const fields = element.matches("input, textarea") ? [element] : [];
    fields.push(...element.querySelectorAll("input, textarea"));
    for (const field of fields) {
      rememberOriginal(field.value, replacement);
      rememberOriginal(field.getAttribute("value"), replacement);
      field.value = replacement;
      field.setAttribute("value", replacement);
    }
    // Text of buttons and labels inside the element is interface, not data, so it stays.
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const chrome = node.parentElement && node.parentElement.closest("button, label");
      if (node.nodeValue.trim() && !(chrome && element.contains(chrome) && chrome !== element)) {
        nodes.push(node);
      }
    }
    nodes.forEach((node, index) => {
      rememberOriginal(node.nodeValue, replacement);
      node.nodeValue = index === 0 ? replacement : "";
    });
    for (const attribute of ["title", "aria-label", "data-tooltip", "placeholder"]) {
      if (element.hasAttribute(attribute)) {
        rememberOriginal(element.getAttribute(attribute), replacement);
        element.setAttribute(attribute, replacement);
      }
    }
  }

  function replaceOriginals(text) {
    let result = text;
    for (const [original, replacement] of maskedOriginals) {
      result = result.split(original).join(replacement);
    }
    return result;
  }

  // Replaces every remaining occurrence of a masked text anywhere in the document and
  // returns how many places still showed one.
  function scrubOriginals() {
    if (!maskedOriginals.size || !document.body) {
      return 0;
    }
    let found = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const replaced = replaceOriginals(node.nodeValue);
      if (replaced !== node.nodeValue) {
        node.nodeValue = replaced;
        found += 1;
      }
    }
    for (const field of document.querySelectorAll("input, textarea")) {
      const replaced = replaceOriginals(field.value);
      if (replaced !== field.value) {
        field.value = replaced;
        field.setAttribute("value", replaced);
        found += 1;
      }
    }
    const attributes = ["title", "aria-label", "data-tooltip", "placeholder", "value"];
    for (const element of document.body.querySelectorAll("*")) {
      for (const attribute of attributes) {
        const value = element.getAttribute(attribute);
        if (value !== null && replaceOriginals(value) !== value) {
          element.setAttribute(attribute, replaceOriginals(value));
          found += 1;
        }
      }
    }
    if (document.title && replaceOriginals(document.title) !== document.title) {
      document.title = replaceOriginals(document.title);
      found += 1;
    }
    return found;
  }

  function hide(selectors) {
    let style = document.getElementById("onboardkit-hide");
    if (!style) {
      style = document.createElement("style");
      style.id = "onboardkit-hide";
      (document.head || document.documentElement).appendChild(style);
    }
    const invalid = [];
    const rules = [];
    for (const selector of selectors) {
      try {
        document.querySelector(selector);
        rules.push(`${selector} { display: none !important; }`);
      } catch (error) {
        invalid.push(selector);
      }
    }
    style.textContent = rules.join("\n");
    return invalid;
  }

  Object.defineProperty(window, "__onboardkit", {
    value: Object.freeze({
      pending: () => pending,
      waitReady,
      maskElement,
      scrubOriginals,
      hide,
    }),
    enumerable: false,
  });
})();
