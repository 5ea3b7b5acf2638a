import { barChart } from './charts.js';
import { areaButton, byId, count, el, numberCell } from './dom.js';

/**
 * 扶贫对象总览 of one area: households and persons, those in poor villages (贫困村), by category and by
 * status, and per child area, whose names open their own overview (drill-down).
 */
export function overviewView(open) {
  const categories = barChart(byId('category-chart'));
  const statuses = barChart(byId('status-chart'));

  function groups(tbodyId, chart, rows) {
    byId(tbodyId).replaceChildren(...rows.map((row) => el('tr', { dataset: { code: row.code } },
      el('th', { scope: 'row' }, row.label), numberCell('households', row.households),
      numberCell('persons', row.persons))));
    chart.show(rows.map((row) => row.label), [
      { label: '户数', values: rows.map((row) => row.households) },
      { label: '人数', values: rows.map((row) => row.persons) },
    ]);
  }

  return {
    show(report) {
      byId('overview').dataset.areaCode = report.areaCode;
      byId('overview-area-name').textContent = report.areaName ?? report.areaCode;
      byId('overview-households').textContent = count(report.households);
      byId('overview-persons').textContent = count(report.persons);
      byId('overview-poor-villages').textContent = count(report.poorVillages.villages);
      byId('overview-poor-households').textContent = count(report.poorVillages.households);
      byId('overview-poor-persons').textContent = count(report.poorVillages.persons);
      groups('category-rows', categories, report.byCategory);
      groups('status-rows', statuses, report.byStatus);
      byId('children-rows').replaceChildren(...(report.children.length === 0
        ? [el('tr', {}, el('td', { colspan: 5 }, '无下级区划'))]
        : report.children.map((child) => el('tr', { dataset: { areaCode: child.areaCode } },
          el('th', { scope: 'row' }, areaButton(child.areaCode, child.areaName, open)),
          el('td', {}, child.areaCode),
          el('td', { dataset: { field: 'poorVillage' } }, child.poorVillage ? '是' : ''),
          numberCell('households', child.households),
          numberCell('persons', child.persons)))));
    },
  };
}
