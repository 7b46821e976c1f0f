import { h, replace } from '../dom.js';
import { signIn } from '../session.js';

export function render(main, done) {
  const input = h('textarea', { id: 'token', placeholder: 'eyJhbGciOiJIUzI1NiIs…', autocomplete: 'off', spellcheck: 'false' });
  const message = h('div');
  const form = h('form', {
    class: 'card signin',
    onsubmit: (e) => {
      e.preventDefault();
      try {
        signIn(input.value);
        done();
      } catch (error) {
        replace(message, h('div', { class: 'error-box', role: 'alert' }, error.message));
      }
    },
  },
  h('h1', {}, 'Sign in to HostOps'),
  h('p', { class: 'muted' }, 'Paste a bearer token (', h('code', {}, 'hostops token generate --role read'), '), or open the URL that ',
    h('code', {}, 'hostops ui'), ' prints. The token stays in this tab\'s session storage only.'),
  h('label', {}, 'Token', input),
  message,
  h('p', {}, h('button', { type: 'submit', id: 'sign-in' }, 'Sign in')));
  replace(main, form);
  input.focus();
  return null;
}
