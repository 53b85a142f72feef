// The login form arrives hidden (class d-none), as in Odoo, and is shown once the page has
// started; Odoo shows a "choose a user" list instead when the browser remembers several users.
(() => {
  const reveal = () => {
    const form = document.querySelector("form.oe_login_form");
    if (!form) {
      return;
    }
    const delay = Number(form.dataset.revealMs || 0);
    setTimeout(() => {
      form.classList.remove("d-none");
      const field = form.querySelector("#login");
      if (field && !field.value) {
        field.focus();
      }
    }, delay);
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", reveal);
  } else {
    reveal();
  }
})();
