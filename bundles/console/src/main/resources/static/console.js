// congvu console: draws each page's charts with Apache ECharts from the data the server put in data-chart
// (the Content-Security-Policy allows no script in the page itself). After drawing, each chart's element says how
// many bars ECharts drew in data-bars, from the chart's own model.
(function () {
  'use strict';
  var number = new Intl.NumberFormat('vi-VN', {maximumFractionDigits: 2});
  var percent = new Intl.NumberFormat('vi-VN', {minimumFractionDigits: 2, maximumFractionDigits: 2});
  document.querySelectorAll('div.chart[data-chart]').forEach(function (element) {
    var data = JSON.parse(element.getAttribute('data-chart'));
    var shown = function (v) { return v == null ? '-' : (data.unit === '%' ? percent : number).format(v) + data.unit; };
    if (data.horizontal) {
      // a ranking: as tall as its bars need
      element.style.height = Math.max(160, 60 + 28 * data.categories.length) + 'px';
    }
    var chart = echarts.init(element, null, {renderer: 'canvas', locale: 'EN'});
    var categoryAxis = {type: 'category', data: data.categories, inverse: data.horizontal,
      axisLabel: {interval: 0, rotate: data.horizontal ? 0 : (data.categories.length > 6 ? 30 : 0)}};
    var valueAxis = {type: 'value', max: data.unit === '%' ? 100 : null,
      axisLabel: {formatter: function (v) { return number.format(v) + data.unit; }}};
    var bars = data.values.map(function (value, index) {
      return {value: value, itemStyle: data.marks[index] ? {color: '#8a5a00'} : undefined};
    });
    chart.setOption({
      animation: false,
      grid: {left: data.horizontal ? 160 : 60, right: data.horizontal ? 80 : 40, top: 20, bottom: 60},
      tooltip: {trigger: 'axis', valueFormatter: shown},
      xAxis: data.horizontal ? valueAxis : categoryAxis,
      yAxis: data.horizontal ? categoryAxis : valueAxis,
      series: [{type: data.kind, name: data.title, data: bars,
        // a marked bar (the year a territory grew by a merger) is drawn in another colour and says so
        label: {show: true, position: data.horizontal ? 'right' : 'top',
          formatter: function (p) {
            return (p.value == null ? '' : shown(p.value)) + (data.marks[p.dataIndex] ? ' (sáp nhập)' : '');
          }}}]
    });
    element.setAttribute('data-bars', String(chart.getModel().getSeriesByIndex(0).getData().count()));
    window.addEventListener('resize', function () { chart.resize(); });
  });
}());
