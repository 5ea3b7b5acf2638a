import { barChart } from './charts.js';
import { areaButton, byId, dateTime, el, numberCell } from './dom.js';

/**
 * 工作进度 of a year, per township: the plan's current phase, whether the township's functions are open,
 * annual records entered, review cases waiting at each stage, problem data. A township's name opens its
 * overview.
 */
export function progressView(open) {
  // one bar per township, named on the left
  const entries = barChart(byId('entries-chart'), { horizontal: true });
  const pending = barChart(byId('pending-chart'), { horizontal: true, stacked: true });
  const issues = barChart(byId('issues-chart'), { horizontal: true, stacked: true });

  function plan(report) {
    if (!report.planPublished) {
      return '本年度工作计划尚未发布。';
    }
    const phase = report.currentPhaseName ? `当前阶段：${report.currentPhaseName}` : '当前不在任何工作阶段';
    return report.closeAt ? `${phase}；系统关闭时间：${dateTime(report.closeAt)}。` : `${phase}。`;
  }

  return {
    show(report, currentArea) {
      const townships = report.townships;
      byId('progress-year').textContent = String(report.year);
      byId('progress-plan').textContent = plan(report);
      byId('progress-rows').replaceChildren(...townships.map((t) => el('tr', {
        dataset: { areaCode: t.townshipCode },
        'aria-current': currentArea.startsWith(t.townshipCode) && 'true',
      },
      el('th', { scope: 'row' }, areaButton(t.townshipCode, t.townshipName, open)),
      el('td', { dataset: { field: 'functionsOpen' }, title: t.functionsReason ?? undefined },
        t.functionsOpen ? '已开通' : '未开通'),
      numberCell('households', t.households), numberCell('annualRecords', t.annualRecords),
      numberCell('pendingVillage', t.reviewsPending.village),
      numberCell('pendingTownship', t.reviewsPending.township),
      numberCell('pendingCity', t.reviewsPending.city), numberCell('returned', t.reviewsPending.returned),
      numberCell('issuesOpen', t.issuesOpen), numberCell('issuesClosed', t.issuesClosed))));

      const names = townships.map((t) => t.townshipName);
      entries.show(names, [
        { label: '户数', values: townships.map((t) => t.households) },
        { label: '已录入年度信息', values: townships.map((t) => t.annualRecords) },
      ]);
      pending.show(names, [
        { label: '村级待审', values: townships.map((t) => t.reviewsPending.village) },
        { label: '乡镇待审', values: townships.map((t) => t.reviewsPending.township) },
        { label: '市级待审', values: townships.map((t) => t.reviewsPending.city) },
        { label: '退回待修改', values: townships.map((t) => t.reviewsPending.returned) },
      ]);
      issues.show(names, [
        { label: '未销号', values: townships.map((t) => t.issuesOpen) },
        { label: '已销号', values: townships.map((t) => t.issuesClosed) },
      ]);
    },
  };
}
