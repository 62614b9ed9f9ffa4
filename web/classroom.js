// The page's side of classroom mode: saving a file (a student's results file, the class CSV),
// choosing results files, and results files dropped on the page. The game asks through
// `window.greenActorClass` and reads what arrives from `window.__greenActorClassInbox`. Nothing
// here is sent anywhere: files stay on this device unless a person sends them.
(() => {
  'use strict';
  const RESULT_FORMAT = 'green-actor-result';
  // A results file is a few hundred bytes; anything much larger is not one.
  const MAX_RESULT_BYTES = 64 * 1024;
  const inbox = (window.__greenActorClassInbox = window.__greenActorClassInbox || []);

  function save(name, mime, bytes) {
    const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  async function take(files) {
    for (const file of files) {
      inbox.push({ name: file.name, text: await file.text() });
    }
  }

  // Dropped files are results when every one is a small .json or .txt holding a result.
  async function claimResults(files) {
    const small = files.length > 0 && files.every(
      (file) => file.size <= MAX_RESULT_BYTES && /\.(json|txt)$/i.test(file.name),
    );
    if (!small) return false;
    const texts = await Promise.all(files.map((file) => file.text().catch(() => '')));
    if (!texts.every((text) => text.includes(RESULT_FORMAT))) return false;
    files.forEach((file, i) => inbox.push({ name: file.name, text: texts[i] }));
    return true;
  }

  const input = document.createElement('input');
  input.type = 'file';
  input.id = 'result-files';
  input.accept = '.json,.txt';
  input.multiple = true;
  input.hidden = true;
  input.addEventListener('change', () => {
    take(Array.from(input.files));
    input.value = '';
  });
  document.addEventListener('DOMContentLoaded', () => document.body.appendChild(input));

  window.greenActorClass = { save, pick: () => input.click(), claimResults };
})();
