/*
 * The application form's household members without a reload: "添加家庭成员" copies the last member's row with
 * empty fields, "移除" takes a row away, and the rows are numbered again (members[0], members[1], ...) so that the
 * server binds them as if it had drawn them itself. Without this script the same buttons go to the server and back
 * (progressive enhancement); with it, nothing chosen in the file fields is lost.
 */
(function () {
  'use strict';
  var fieldset = document.querySelector('[data-members]');
  if (!fieldset) {
    return;
  }
  var MEMBER = /members\[\d+\]/;
  var MEMBER_ID = /^members\d+\./;

  function rows() {
    return Array.prototype.slice.call(fieldset.querySelectorAll('.member'));
  }

  function renumber() {
    rows().forEach(function (row, index) {
      row.querySelectorAll('[name]').forEach(function (field) {
        field.name = field.name.replace(MEMBER, 'members[' + index + ']');
      });
      row.querySelectorAll('[id]').forEach(function (field) {
        field.id = field.id.replace(MEMBER_ID, 'members' + index + '.');
      });
      var remove = row.querySelector('button[value^="removeMember:"]');
      if (remove) {
        remove.value = 'removeMember:' + index;
      }
    });
  }

  function emptied(row) {
    var copy = row.cloneNode(true);
    copy.querySelectorAll('input').forEach(function (input) {
      input.value = '';
      input.classList.remove('invalid');
      input.removeAttribute('aria-invalid');
    });
    copy.querySelectorAll('select').forEach(function (select) {
      select.selectedIndex = 0;
      select.querySelectorAll('option').forEach(function (option) { option.removeAttribute('selected'); });
      select.classList.remove('invalid');
    });
    copy.querySelectorAll('small.error').forEach(function (error) { error.remove(); });
    return copy;
  }

  fieldset.addEventListener('click', function (event) {
    var button = event.target.closest('button');
    if (!button || !fieldset.contains(button)) {
      return;
    }
    var all = rows();
    if (button.value === 'addMember' && all.length > 0) {
      event.preventDefault();
      var copy = emptied(all[all.length - 1]);
      all[all.length - 1].after(copy);
      renumber();
      var first = copy.querySelector('input, select');
      if (first) {
        first.focus();
      }
    } else if (button.value.indexOf('removeMember:') === 0) {
      event.preventDefault();
      var row = button.closest('.member');
      var next = row.nextElementSibling;
      row.remove();
      renumber();
      var focus = next && next.classList.contains('member') ? next.querySelector('input, select')
          : fieldset.querySelector('button[value="addMember"]');
      if (focus) {
        focus.focus();
      }
    }
  });
}());
