// The managers' dashboard: reads /api/oversight/* (read only) and draws them with Chart.js.
(function () {
  const RED = '#c62828', AMBER = '#ef6c00', BLUE = '#2c6e91', GREEN = '#2e7d32', GREY = '#9e9e9e';
  const status = document.getElementById('status');
  const charts = {};

  const getJson = window.csc.getJson;

  function draw(id, config) {
    if (charts[id]) charts[id].destroy();
    config.options = Object.assign({ animation: false, responsive: true }, config.options || {});
    charts[id] = new Chart(document.getElementById(id), config);
  }

  function alarm(text) {
    const li = document.createElement('li');
    li.textContent = text;
    document.getElementById('alarms').append(li);
  }

  function showDeadlines(board) {
    const teams = Object.keys(board.byTeam);
    draw('deadlinesChart', {
      type: 'bar',
      data: {
        labels: teams,
        datasets: [
          { label: 'Overdue', data: teams.map(t => board.byTeam[t].overdue), backgroundColor: RED },
          { label: 'Due in 7 days', data: teams.map(t => board.byTeam[t].dueSoon), backgroundColor: AMBER }
        ]
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }

  function showCaseloads(overview) {
    overview.alarms.forEach(alarm);
    const workers = overview.workers;
    draw('caseloadChart', {
      type: 'bar',
      data: {
        labels: workers.map(w => w.name + (w.newlyQualified ? ' (NQSW)' : '')),
        datasets: [
          { label: 'Cases', data: workers.map(w => w.cases),
            backgroundColor: workers.map(w => w.managerMustAct ? RED : w.overLimit ? AMBER : BLUE) },
          { label: 'Limit', type: 'line', data: workers.map(w => w.limit), borderColor: GREY, showLine: false,
            pointStyle: 'line', pointRadius: 14, pointBorderWidth: 3 }
        ]
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
    const waiting = overview.unallocated;
    draw('unallocatedChart', {
      type: 'bar',
      data: {
        labels: waiting.map(u => u.laChildId),
        datasets: [{ label: 'Hours unallocated', data: waiting.map(u => u.hoursWaiting),
          backgroundColor: waiting.map(u => u.alarm ? RED : GREEN) }]
      },
      options: { indexAxis: 'y', scales: { x: { beginAtZero: true } } }
    });
  }

  function showMeasures(report) {
    const shown = report.measures.filter(m => m.available);
    draw('measuresChart', {
      type: 'bar',
      data: {
        labels: shown.map(m => (m.indicator ? m.indicator + ': ' : '') + m.name + ' (' + m.met + ' of ' + m.counted + ')'),
        datasets: [{ label: 'Percent', data: shown.map(m => m.percent == null ? 0 : m.percent),
          backgroundColor: shown.map(m => m.percent == null ? GREY : m.higherIsBetter ? BLUE : AMBER) }]
      },
      options: { indexAxis: 'y', scales: { x: { min: 0, max: 100 } }, plugins: { legend: { display: false } } }
    });
    const notes = document.getElementById('notAvailable');
    notes.replaceChildren();
    report.measures.filter(m => !m.available).forEach(m => {
      const li = document.createElement('li');
      li.textContent = (m.indicator ? m.indicator + ' ' : '') + m.name + ': ' + m.note;
      notes.append(li);
    });
  }

  async function loadMeasures(event) {
    if (event) event.preventDefault();
    const query = new URLSearchParams({ from: document.getElementById('from').value, to: document.getElementById('to').value });
    const team = document.getElementById('team').value;
    if (team) query.set('team', team);
    if (document.getElementById('legacy').checked) query.set('legacy', 'true');
    try {
      showMeasures(await getJson('/api/oversight/measures?' + query));
    } catch (error) {
      status.textContent = error.message;
    }
  }

  async function start() {
    const params = new URLSearchParams(location.search);
    const today = new Date();
    const yearAgo = new Date(today.getTime() - 365 * 86400000);
    document.getElementById('from').value = params.get('from') || yearAgo.toISOString().slice(0, 10);
    document.getElementById('to').value = params.get('to') || today.toISOString().slice(0, 10);
    ['front-door', 'assessment', 'localities', 'children-in-care', 'leaving-care', 'disabled-children'].forEach(t => {
      const option = document.createElement('option');
      option.value = option.textContent = t;
      document.getElementById('team').append(option);
    });
    try {
      const [board, overview] = await Promise.all([getJson('/api/oversight/deadlines'), getJson('/api/oversight/caseloads')]);
      showDeadlines(board);
      showCaseloads(overview);
      await loadMeasures();
      status.textContent = 'As of ' + board.today + ': ' + board.items.filter(i => i.overdue).length + ' overdue, '
        + board.items.filter(i => !i.overdue).length + ' due in the next 7 days.';
      document.body.dataset.loaded = 'true';
    } catch (error) {
      status.textContent = error.message;
    }
  }

  document.getElementById('range').addEventListener('submit', loadMeasures);
  start().catch(error => { status.textContent = 'Could not draw the dashboard: ' + error.message; });
})();
