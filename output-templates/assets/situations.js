/* situations.js: the 办理情形 picker of a guide page (guide.html). Without JavaScript the page
 * lists every situation, each in its own section reachable by its anchor (#situation-<id>). With
 * it, the <select> under 办理情形 appears, and choosing a situation hides every element marked
 * with another situation (data-situation): its section of 申请材料 and its line of the
 * 一次性告知单. 全部情形 shows them all again. Following a link to one situation's section
 * chooses that situation, so a filtered page never hides the section a link points to. */
(function () {
  "use strict";

  var picker = document.querySelector("[data-situation-picker]");
  if (!picker) {
    return;
  }
  var status = document.querySelector("[data-situation-status]");
  var marked = document.querySelectorAll("[data-situation]");
  var prefix = "#situation-";

  function show(id) {
    Array.prototype.forEach.call(marked, function (el) {
      el.hidden = id !== "" && el.getAttribute("data-situation") !== id;
    });
    if (status) {
      var option = picker.options[picker.selectedIndex];
      status.textContent = id === "" ? "" : "只显示" + option.text + "的材料和条件";
    }
  }

  function choose(id) {
    var known = Array.prototype.some.call(picker.options, function (o) {
      return o.value === id;
    });
    picker.value = known ? id : "";
    show(picker.value);
  }

  picker.addEventListener("change", function () {
    show(picker.value);
  });
  function fromHash() {
    if (location.hash.indexOf(prefix) === 0) {
      choose(decodeURIComponent(location.hash.slice(prefix.length)));
    }
  }
  window.addEventListener("hashchange", fromHash);
  picker.closest("[hidden]").hidden = false;
  fromHash();
})();
