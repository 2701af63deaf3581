// The import page: a drop zone, an upload with a progress bar (XMLHttpRequest reports upload progress,
// fetch does not), and the per-file result. Without this module the form still posts and the server
// renders the result. Names from the upload are written with textContent only, never as markup.

const form = document.getElementById('import-form');
if (form) {
  enhance(form);
}

function enhance(form) {
  const input = document.getElementById('import-file');
  const drop = document.getElementById('import-drop');
  const chosen = document.getElementById('import-chosen');
  const submit = document.getElementById('import-submit');
  const sample = document.getElementById('import-sample');
  const progress = document.getElementById('import-progress');
  const bar = document.getElementById('import-progress-bar');
  const progressText = document.getElementById('import-progress-text');
  const result = document.getElementById('import-result');
  const summary = document.getElementById('import-summary');
  const rows = document.getElementById('import-files');

  const showChosen = () => {
    const names = Array.from(input.files).map((file) => file.name);
    chosen.textContent = names.length ? names.join(', ') : '';
  };
  input.addEventListener('change', showChosen);

  ['dragenter', 'dragover'].forEach((type) => drop.addEventListener(type, (event) => {
    event.preventDefault();
    drop.classList.add('dropzone-active');
  }));
  ['dragleave', 'drop'].forEach((type) => drop.addEventListener(type, () => drop.classList.remove('dropzone-active')));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      showChosen();
    }
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!input.files.length) {
      chosen.textContent = 'Choose the zip Spotify sent you, or its JSON files, first.';
      return;
    }
    const data = new FormData();
    Array.from(input.files).forEach((file) => data.append('file', file, file.name));
    upload(data);
  });

  if (sample) {
    sample.hidden = false;
    sample.addEventListener('click', async () => {
      busy(true);
      say(0, 'Fetching the sample export…');
      try {
        const answer = await fetch(sample.dataset.sampleUrl, { credentials: 'same-origin' });
        if (!answer.ok) {
          throw new Error('status ' + answer.status);
        }
        const zip = await answer.blob();
        const data = new FormData();
        data.append('file', new File([zip], 'my_spotify_data.zip', { type: 'application/zip' }));
        upload(data);
      } catch (e) {
        busy(false);
        say(0, 'The sample export could not be fetched. Try again.');
      }
    });
  }

  function upload(data) {
    busy(true);
    say(0, 'Uploading…');
    const request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.setRequestHeader('Accept', 'application/json');
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) {
        const percent = Math.round((event.loaded / event.total) * 100);
        say(percent, percent < 100 ? 'Uploading… ' + percent + ' %' : 'Importing…');
      }
    });
    request.upload.addEventListener('load', () => say(100, 'Importing…'));
    request.addEventListener('load', () => {
      busy(false);
      let answer = null;
      try {
        answer = JSON.parse(request.responseText);
      } catch (e) {
        answer = null;
      }
      if (request.status === 401) {
        say(0, 'Your sign-in has ended: sign in again, then import.');
      } else if (request.status === 413) {
        say(0, 'The upload is too large for one import: send the files in parts.');
      } else if (answer && Array.isArray(answer.files)) {
        say(100, 'Done.');
        show(answer);
      } else {
        say(0, (answer && answer.error) || 'The import failed (status ' + request.status + '). Nothing was changed.');
      }
    });
    request.addEventListener('error', () => {
      busy(false);
      say(0, 'The upload was interrupted. Try again.');
    });
    request.send(data);
  }

  function busy(on) {
    submit.disabled = on;
    if (sample) {
      sample.disabled = on;
    }
    progress.hidden = false;
  }

  function say(percent, text) {
    bar.value = percent;
    progressText.textContent = text;
  }

  function show(answer) {
    result.hidden = false;
    summary.textContent = answer.plays + ' new plays, ' + clock(answer.msPlayed) + ' of listening.';
    rows.replaceChildren(...answer.files.map((file) => {
      const row = document.createElement('tr');
      if (file.error) {
        row.className = 'import-failed';
      }
      const problem = file.error || (file.kind === 'ignored' ? 'Not listening history: left alone.' : '');
      [file.name, file.kind, file.rows, file.imported, file.duplicates, file.skipped, problem].forEach((value, i) => {
        const cell = document.createElement('td');
        if (i === 0) {
          cell.className = 'import-name';
        }
        cell.textContent = String(value);
        row.append(cell);
      });
      return row;
    }));
  }

  function clock(ms) {
    const seconds = Math.floor(Math.max(0, ms) / 1000);
    const hours = Math.floor(seconds / 3600);
    const minutes = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
    return hours + ':' + minutes + ':' + String(seconds % 60).padStart(2, '0');
  }
}
