/* Suggestions for the search box: the ARIA 1.2 combobox pattern (list autocomplete).
   Without JavaScript the box is a plain text input in a GET form. */
(function () {
  "use strict";

  function setup(container) {
    var input = container.querySelector("input[type=search]");
    var listbox = container.querySelector("[role=listbox]");
    var url = container.getAttribute("data-suggest-url");
    if (!input || !listbox || !url || !window.fetch) return;

    var active = -1;
    var timer = null;
    var lastQuery = "";
    var live = document.createElement("div");
    live.className = "visually-hidden";
    live.setAttribute("role", "status");
    container.appendChild(live);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", listbox.id);
    input.setAttribute("aria-expanded", "false");

    function options() {
      return listbox.querySelectorAll("[role=option]");
    }

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var items = options();
      if (!items.length) return;
      active = (index + items.length) % items.length;
      items.forEach(function (item, i) {
        item.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", items[active].id);
    }

    function choose(item) {
      input.value = item.textContent;
      close();
      input.form.submit();
    }

    function render(suggestions) {
      listbox.textContent = "";
      suggestions.forEach(function (text, i) {
        var li = document.createElement("li");
        li.id = listbox.id + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.textContent = text;
        li.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep focus in the input
          choose(li);
        });
        listbox.appendChild(li);
      });
      var open = suggestions.length > 0;
      listbox.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
      active = -1;
      input.removeAttribute("aria-activedescendant");
      live.textContent = open ? suggestions.length + " suggestion(s)" : "";
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query === lastQuery) return;
      lastQuery = query;
      if (query.length < 2) return render([]);
      fetch(url + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { if (input.value.trim() === query) render(data.suggestions || []); })
        .catch(function () { render([]); });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, 150);
    });
    input.addEventListener("keydown", function (event) {
      var open = !listbox.hidden;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!open) { lastQuery = ""; fetchSuggestions(); } else { highlight(active + 1); }
      } else if (event.key === "ArrowUp" && open) {
        event.preventDefault();
        highlight(active - 1);
      } else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault();
        choose(options()[active]);
      } else if (event.key === "Escape" && open) {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }

  document.querySelectorAll(".search-combobox").forEach(setup);
})();
