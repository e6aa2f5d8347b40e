/* print.js: the 打印一次性告知单 button of a guide page (guide.html). It prints the notice alone:
 * the class print-notice on <body> tells the print stylesheet (style.css, @media print) to hide the
 * full reference. Printing the page any other way (Ctrl+P) prints the whole guide without the
 * navigation. Without JavaScript the button does nothing and the page prints whole. */
(function () {
  "use strict";

  var buttons = document.querySelectorAll("[data-print=notice]");
  if (!buttons.length || typeof window.print !== "function") {
    return;
  }
  function done() {
    document.body.classList.remove("print-notice");
  }
  window.addEventListener("afterprint", done);
  Array.prototype.forEach.call(buttons, function (button) {
    button.addEventListener("click", function () {
      document.body.classList.add("print-notice");
      window.print();
    });
  });
})();
