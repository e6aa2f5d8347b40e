// catalogc serve: reload this page when the preview is rebuilt. The server answers a long poll
// of /__catalogc/events?since=N with the build generation once it is not N (or N again after a
// while); this page was served at the generation in data-generation.
(function () {
  var script = document.currentScript;
  var generation = script ? script.getAttribute('data-generation') : null;
  if (generation === null) return;
  function poll() {
    fetch('/__catalogc/events?since=' + encodeURIComponent(generation), { cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.text();
      })
      .then(function (now) {
        if (now.trim() !== generation) {
          location.reload();
        } else {
          poll();
        }
      })
      .catch(function () {
        // The server is restarting or gone: try again in a moment.
        setTimeout(poll, 1000);
      });
  }
  poll();
})();
