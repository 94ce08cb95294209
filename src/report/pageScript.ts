/**
 * Draws every chart of the page with vega-embed. `window.taskrelCharts` resolves once all views are drawn
 * (the browser test waits on it); a chart that fails says so in its slot and on the console.
 * Export actions stay (PNG/SVG work offline); the editor link would need the network.
 */
export const pageScript = `
(function () {
  var specs = JSON.parse(document.getElementById('taskrel-charts').textContent);
  var options = { renderer: 'svg', actions: { export: true, source: false, compiled: false, editor: false } };
  window.taskrelCharts = Promise.all(Object.keys(specs).map(function (id) {
    var slot = document.querySelector('[data-chart="' + id + '"]');
    return vegaEmbed(slot, specs[id], Object.assign({ downloadFileName: id }, options)).then(function (result) {
      slot.setAttribute('data-rendered', 'true');
      return result.view;
    }, function (error) {
      slot.classList.add('chart-error');
      slot.textContent = 'This chart could not be drawn: ' + error.message;
      console.error('taskrel chart ' + id + ':', error);
      throw error;
    });
  }));
  window.taskrelCharts.then(
    function () { document.body.setAttribute('data-charts', 'rendered'); },
    function () { document.body.setAttribute('data-charts', 'failed'); });
})();
`;
