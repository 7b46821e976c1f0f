import { token } from './session.js';

// EventSource cannot send an Authorization header, so the stream is read with fetch() and parsed here
// (text/event-stream: "field: value" lines, a blank line ends an event, ":" starts a comment). On a dropped
// connection it reconnects after a back-off with Last-Event-ID, and the API resumes right after that event.
export function watch(path, onEvent, { onState = () => {}, endsByItself = false } = {}) {
  const controller = new AbortController();
  let lastId = null;
  let delay = 1000;

  async function run() {
    while (!controller.signal.aborted) {
      try {
        const headers = { Accept: 'text/event-stream', Authorization: `Bearer ${token()}` };
        if (lastId !== null) headers['Last-Event-ID'] = lastId;
        const response = await fetch(path, { headers, signal: controller.signal, credentials: 'omit', cache: 'no-store' });
        if (response.status >= 400 && response.status < 500 && response.status !== 429) {
          onState(false, new Error(`HTTP ${response.status}`));
          return; // a bad filter, an unknown job, a refused token: asking again would not help
        }
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        onState(true);
        delay = 1000;
        await read(response.body, (event) => {
          if (event.id !== undefined) lastId = event.id;
          if (event.data !== undefined) onEvent(event);
        });
        if (endsByItself) break; // e.g. /job/{id}/events closes once the job has ended
      } catch (error) {
        if (controller.signal.aborted) break;
        onState(false, error);
      }
      if (controller.signal.aborted) break;
      onState(false);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 15000);
    }
    onState(false);
  }

  run();
  return () => controller.abort();
}

async function read(body, dispatch) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = {};
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let newline;
    while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
      if (line === '') {
        if (Object.keys(event).length > 0) dispatch(parse(event));
        event = {};
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let text = colon < 0 ? '' : line.slice(colon + 1);
        if (text.startsWith(' ')) text = text.slice(1);
        if (field === 'data') event.data = event.data === undefined ? text : `${event.data}\n${text}`;
        else if (field === 'id' || field === 'event') event[field] = text;
      }
    }
  }
}

function parse(event) {
  let json = null;
  try { json = event.data === undefined ? null : JSON.parse(event.data); } catch { json = null; }
  return { id: event.id, type: event.event ?? 'message', data: json };
}
