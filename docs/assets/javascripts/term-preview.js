/* Term previews (WCAG 1.4.13), like Wikipedia's page previews. Mouse: opens after a
 * short hover intent, stays while the pointer is on the mention or the card. Keyboard:
 * opens on focus. Touch: first tap opens it, a second tap (or a tap on the card) opens
 * the page. Esc or a click/tap outside closes it. It sits above the mention's lines, or
 * below when there is no room. Its words come from the hidden templates the build
 * writes (div.term-previews), set with textContent only, never parsed as HTML. */
(function () {
  "use strict";
  var OPEN_DELAY = 400, CLOSE_DELAY = 300, GAP = 10, MARGIN = 8;
  var card, nameBox, summaryBox, levelBox, more;
  var current = null, byFocus = false, openTimer = 0, closeTimer = 0;
  var lastPointer = "mouse", armed = null, muted = null;

  function mentionOf(node) {
    return node && node.closest ? node.closest("a.glossary-term[aria-describedby]") : null;
  }
  function inCard(node) { return !!(card && node && card.contains(node)); }

  function part(tag, name, parent) {
    var el = document.createElement(tag);
    el.className = "term-preview__" + name;
    parent.appendChild(el);
    return el;
  }
  function build() {
    card = document.createElement("div");
    card.className = "term-preview";
    card.hidden = true;
    // Screen readers get these words from aria-describedby.
    card.setAttribute("aria-hidden", "true");
    part("span", "tail", card);
    nameBox = part("p", "name", card);
    summaryBox = part("p", "summary", card);
    var foot = part("p", "foot", card);
    levelBox = part("span", "level", foot);
    more = part("a", "more", foot);
    more.tabIndex = -1;
    document.body.appendChild(card);
  }

  function open(link, focus) {
    var template = document.getElementById(link.getAttribute("aria-describedby"));
    var store = template && template.parentNode;
    if (!store || !store.classList || !store.classList.contains("term-previews")) return;
    if (!card || !card.isConnected) build();  // also after instant navigation
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    current = link;
    byFocus = focus;
    nameBox.textContent = template.getAttribute("data-name");
    summaryBox.textContent = template.textContent;
    levelBox.textContent = template.getAttribute("data-level");
    more.textContent = store.getAttribute("data-more");
    more.href = link.href;
    card.hidden = false;
    place(link);
  }

  function close() {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    if (card) card.hidden = true;
    current = null;
    armed = null;
  }

  function place(link) {
    var rects = link.getClientRects(), box = link.getBoundingClientRect();
    var width = document.documentElement.clientWidth, height = window.innerHeight;
    var header = document.querySelector(".md-header");
    var top = header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
    card.style.left = card.style.top = "0px";
    var w = card.offsetWidth, h = card.offsetHeight;
    // Above the mention: readers go down the page, so the lines above are already read.
    var roomAbove = box.top - GAP - top - MARGIN, roomBelow = height - box.bottom - GAP - MARGIN;
    var above = roomAbove >= h || (roomBelow < h && roomAbove > roomBelow);
    var line = above ? rects[0] : rects[rects.length - 1];
    var left = Math.max(MARGIN, Math.min(line.left, width - w - MARGIN));
    var y = above ? box.top - GAP - h : box.bottom + GAP;
    card.classList.toggle("term-preview--above", above);
    card.style.left = left + window.scrollX + "px";
    card.style.top = y + window.scrollY + "px";
    card.firstChild.style.left =
      Math.max(8, Math.min(line.left + line.width / 2 - left, w - 8)) + "px";
  }

  document.addEventListener("pointerover", function (event) {
    if (event.pointerType === "touch") return;
    var link = mentionOf(event.target);
    if (muted && link !== muted) muted = null;
    if (link || inCard(event.target)) clearTimeout(closeTimer);
    if (link && link !== current && link !== muted) {
      clearTimeout(openTimer);
      openTimer = setTimeout(function () { open(link, false); }, OPEN_DELAY);
    }
  });
  document.addEventListener("pointerout", function (event) {
    if (event.pointerType === "touch") return;
    var from = mentionOf(event.target), to = event.relatedTarget;
    if (from && !from.contains(to)) {
      clearTimeout(openTimer);
      if (muted === from) muted = null;
    }
    if (!current || byFocus) return;
    if ((from === current || inCard(event.target)) && !current.contains(to) && !inCard(to)) {
      clearTimeout(closeTimer);
      closeTimer = setTimeout(close, CLOSE_DELAY);
    }
  });

  document.addEventListener("focusin", function (event) {
    var link = mentionOf(event.target);
    // :focus-visible: keyboard focus, not the focus a click or tap also gives.
    if (link && link.matches(":focus-visible")) open(link, true);
  });
  document.addEventListener("focusout", function (event) {
    if (byFocus && event.target === current) close();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current && !card.hidden) {
      muted = current;  // no reopening until the pointer leaves the mention
      close();
    }
  });

  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType || "mouse";
    var link = mentionOf(event.target);
    armed = link && link === current && !card.hidden ? link : null;
    if (current && !inCard(event.target) && link !== current) close();
  }, true);
  document.addEventListener("click", function (event) {
    if (lastPointer !== "touch") return;
    var link = mentionOf(event.target);
    if (link) {
      if (link === armed) return;  // second tap: follow the link
      event.preventDefault();
      open(link, false);
    } else if (inCard(event.target) && event.target !== more) {
      window.location.href = more.href;  // on a phone the card opens the page
    }
  }, true);
  window.addEventListener("resize", close);
  window.addEventListener("pagehide", close);  // closed on coming back
})();
