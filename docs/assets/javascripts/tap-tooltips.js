/* Glossary tooltips on touch screens.
 * Material shows a link's tooltip on hover and on keyboard focus. A finger has no
 * hover, so the first tap on a glossary term shows its tooltip (by focusing it),
 * and a second tap on the same term follows the link. Mouse clicks are untouched. */
(function () {
  var lastPointer = "mouse";
  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType || "mouse";
  }, true);
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.glossary-term") : null;
    if (!link || lastPointer !== "touch") return;
    if (link.getAttribute("data-tapped") === "true") return;
    event.preventDefault();
    var previous = document.querySelectorAll('a.glossary-term[data-tapped="true"]');
    for (var i = 0; i < previous.length; i++) previous[i].removeAttribute("data-tapped");
    link.setAttribute("data-tapped", "true");
    link.focus();
  }, true);
  document.addEventListener("focusout", function (event) {
    if (event.target.removeAttribute) event.target.removeAttribute("data-tapped");
  }, true);
})();
