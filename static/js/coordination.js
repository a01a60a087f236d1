// Disable a submit button once its form is sent: a double click sends one referral.
// (The server refuses a second submission of the same form anyway.)
document.querySelectorAll("form button[data-once]").forEach((button) => {
  button.form.addEventListener("submit", () => {
    window.setTimeout(() => { button.disabled = true; }, 0);
  });
});
