// Kanban board: drag a deal card onto another column to move it to that stage. Without JavaScript,
// or from the keyboard, each card's stage menu and Move button do the same.
(function () {
  'use strict';
  var board = document.getElementById('board');
  if (!board) { return; }
  var dragged = null;
  board.addEventListener('dragstart', function (e) {
    var card = e.target.closest && e.target.closest('.kanban-card');
    if (!card) { return; }
    dragged = card;
    card.classList.add('dragging');
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', card.dataset.dealId);
  });
  board.addEventListener('dragend', function () {
    if (dragged) { dragged.classList.remove('dragging'); }
    board.querySelectorAll('.drop-target').forEach(function (c) { c.classList.remove('drop-target'); });
  });
  board.addEventListener('dragover', function (e) {
    var column = e.target.closest && e.target.closest('.kanban-column');
    if (column && dragged) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      column.classList.add('drop-target');
    }
  });
  board.addEventListener('dragleave', function (e) {
    var column = e.target.closest && e.target.closest('.kanban-column');
    if (column && !column.contains(e.relatedTarget)) { column.classList.remove('drop-target'); }
  });
  board.addEventListener('drop', function (e) {
    var column = e.target.closest && e.target.closest('.kanban-column');
    if (!column || !dragged) { return; }
    e.preventDefault();
    var stage = column.dataset.stage;
    var card = dragged;
    dragged = null;
    if (card.closest('.kanban-column') === column) { return; }
    // htmx posts with the CSRF header (rapport.js) and swaps in the refreshed board with its totals
    htmx.ajax('POST', card.dataset.moveUrl, {
      target: '#board', swap: 'innerHTML',
      values: { stage: stage, version: card.dataset.version },
      headers: { 'HX-Target': 'board' }
    });
  });
})();
