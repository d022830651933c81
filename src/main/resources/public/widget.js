/*!
 * Infra Advisor web widget: plain JavaScript, no dependencies, talks only to the public REST API.
 *
 * Embed with one tag (options in README / docs/web-widget.md):
 *   <script src="https://advisor.example.com/widget.js" data-flow="infra-strategy" defer></script>
 *
 * The file is pure ASCII (non-ASCII characters are written as \uXXXX escapes), so it reads the same whatever charset the
 * host page uses.
 *
 * Safety: every text from the user or the server is inserted as text (textContent / text nodes), never as
 * HTML; the widget uses no inline styles or scripts and runs under a strict Content-Security-Policy with
 * Trusted Types enforced.
 */
(function () {
  'use strict';

  const script = document.currentScript;
  if (!script) {
    return;
  }

  const SVG_NS = 'http://www.w3.org/2000/svg';
  const UNKNOWN = 'unknown';
  const STRATEGY_NAMES = { 'cloud-first': 'Cloud-first', hybrid: 'Hybrid', 'on-prem': 'On-premises' };
  const READINESS = {
    ready: { label: 'Ready', icon: '\u2713' },
    gap: { label: 'Gap', icon: '!' },
    blocker: { label: 'Blocker', icon: '\u2715' }
  };
  const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
  const moneyFormat = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

  const instanceCount = window.__infraAdvisorWidgets = (window.__infraAdvisorWidgets || 0) + 1;
  const ids = (() => {
    let n = 0;
    return (name) => 'iaw' + instanceCount + '-' + name + '-' + (++n);
  })();

  // ---------------------------------------------------------------- configuration

  const config = readConfig(script);

  function readConfig(tag) {
    const data = tag.dataset;
    const scriptUrl = new URL(tag.src, document.baseURI);
    const base = data.serviceUrl
      ? new URL(data.serviceUrl, document.baseURI).href
      : scriptUrl.origin + scriptUrl.pathname.replace(/\/widget\.js$/, '');
    return {
      serviceUrl: base.replace(/\/+$/, ''),
      flow: data.flow || 'infra-strategy',
      title: data.title || '',
      primaryColor: data.primaryColor || '',
      open: data.open === '' || data.open === 'true',
      container: data.container || ''
    };
  }

  const storageKey = 'infra-advisor:' + config.serviceUrl + ':' + config.flow;
  const remember = {
    conversation: () => safely(() => localStorage.getItem(storageKey)),
    keepConversation: (id) => safely(() => localStorage.setItem(storageKey, id)),
    forgetConversation: () => safely(() => localStorage.removeItem(storageKey)),
    /** true/false when the user opened or closed the panel in this browser tab, null when they have not yet. */
    wasOpen: () => {
      const value = safely(() => sessionStorage.getItem(storageKey + ':open'));
      return value === null || value === undefined ? null : value === 'true';
    },
    keepOpen: (open) => safely(() => sessionStorage.setItem(storageKey + ':open', String(open)))
  };

  function safely(action) {
    try {
      return action();
    } catch (e) {
      return null; // storage can be disabled by the browser; the widget then simply does not remember
    }
  }

  // ---------------------------------------------------------------- DOM helpers (text only, never HTML)

  function h(tag, props, ...children) {
    const el = document.createElement(tag);
    setProps(el, props);
    appendAll(el, children);
    return el;
  }

  function s(tag, attrs, ...children) {
    const el = document.createElementNS(SVG_NS, tag);
    setProps(el, attrs);
    appendAll(el, children);
    return el;
  }

  function setProps(el, props) {
    if (!props) {
      return;
    }
    for (const [key, value] of Object.entries(props)) {
      if (value === null || value === undefined || value === false) {
        continue;
      }
      if (key === 'class') {
        el.setAttribute('class', value);
      } else if (key === 'text') {
        el.textContent = String(value);
      } else if (key.startsWith('on')) {
        el.addEventListener(key.slice(2), value);
      } else {
        el.setAttribute(key, value === true ? '' : String(value));
      }
    }
  }

  function appendAll(el, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) {
        continue;
      }
      el.append(child instanceof Node ? child : String(child)); // strings become text nodes
    }
  }

  const srOnly = (text) => h('span', { class: 'iaw-sr', text });

  function formatNumber(n) {
    return numberFormat.format(n);
  }

  /** Dollars as the service's formatter writes them: "$4.10", "$950", "$692,000" (three significant digits above 1,000). */
  function money(n) {
    const a = Math.abs(n);
    if (a < 1000) return moneyFormat.format(n);
    const scale = Math.pow(10, Math.floor(Math.log10(a)) - 2);
    return moneyFormat.format(Math.round(n / scale) * scale);
  }

  function shortMoney(n) {
    const abs = Math.abs(n);
    // a figure that rounds up to the next unit is written in it, as the service's formatter does: $1M, not $1000k
    if (abs >= 999.95e6) return '$' + (n / 1e9).toFixed(1).replace(/\.0$/, '') + 'B';
    if (abs >= 999.5e3) return '$' + (n / 1e6).toFixed(1).replace(/\.0$/, '') + 'M';
    if (abs >= 1e3) return '$' + Math.round(n / 1e3) + 'k';
    return '$' + Math.round(n);
  }

  function strategyName(id) {
    if (!id) return 'No strategy';
    return STRATEGY_NAMES[id] || capitalize(String(id).replace(/-/g, ' '));
  }

  function capitalize(text) {
    return text ? text.charAt(0).toUpperCase() + text.slice(1) : '';
  }

  function token(value) {
    return String(value || 'none').toLowerCase().replace(/[^a-z0-9-]/g, '');
  }

  // ---------------------------------------------------------------- REST API

  class ApiError extends Error {
    constructor(status, detail) {
      super(detail);
      this.status = status;
    }
  }

  async function api(method, path, body) {
    let response;
    try {
      response = await fetch(config.serviceUrl + path, {
        method,
        mode: 'cors',
        credentials: 'omit',
        headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body)
      });
    } catch (e) {
      throw new ApiError(0, 'The advisor cannot be reached. Check your connection and try again.');
    }
    const type = response.headers.get('Content-Type') || '';
    const data = type.includes('json') ? await response.json().catch(() => null) : null;
    if (!response.ok) {
      const detail = data && data.detail ? data.detail : response.statusText || 'Request failed';
      throw new ApiError(response.status, response.status === 429
        ? 'Too many requests right now. Please wait a moment and try again.' : detail);
    }
    return data;
  }

  const conversationPath = (id) => '/api/conversations/' + encodeURIComponent(id);
  // Report links carry the read-only share token, never the conversation id (which lets its holder answer and erase):
  // a link copied from the widget into an e-mail must not hand the conversation over.
  const reportUrl = (conversation, ext) =>
    config.serviceUrl + '/api/shared/' + encodeURIComponent(conversation.shareToken) + '/report.' + ext;

  // ---------------------------------------------------------------- state

  const state = {
    flow: null,            // GET /api/flows/{id}: title, description, questions
    conversation: null,    // GET /api/conversations/{id}
    editing: null,         // id of an earlier question being changed
    busy: false,
    started: false,
    lastAdvice: null,      // strategy before the latest change, to show what changed
    lastChange: null,      // question text of the latest changed answer
    renderedAdvice: null   // JSON of the recommendation on screen
  };

  const questionById = (id) => state.flow && state.flow.questions.find((q) => q.id === id);

  // ---------------------------------------------------------------- skeleton

  const inline = Boolean(config.container);
  const panelId = ids('panel');
  const titleId = ids('title');
  const title = h('h2', { class: 'iaw-title', id: titleId, text: config.title || 'Infra Advisor' });
  const progressText = h('p', { class: 'iaw-progress-text', text: '' });
  const progressFill = h('span', { class: 'iaw-progress-fill' });
  const progressBar = h('div', { class: 'iaw-progress-bar', 'aria-hidden': 'true' }, progressFill);
  const restartButton = h('button', { type: 'button', class: 'iaw-tool', onclick: () => askRestart() },
    h('span', { 'aria-hidden': 'true', text: '\u21ba ' }), 'Start over');
  const closeButton = inline ? null : h('button', {
    type: 'button', class: 'iaw-tool iaw-close', 'aria-label': 'Close the advisor', onclick: () => setOpen(false, true)
  }, h('span', { 'aria-hidden': 'true', text: '\u2715' }));

  const log = h('div', {
    class: 'iaw-log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions text', 'aria-labelledby': titleId
  });
  const intro = h('div', { class: 'iaw-turn iaw-intro' });
  log.append(intro);
  const typing = h('div', { class: 'iaw-typing', hidden: true, 'aria-hidden': 'true' },
    h('span', { class: 'iaw-dot' }), h('span', { class: 'iaw-dot' }), h('span', { class: 'iaw-dot' }));
  const body = h('div', { class: 'iaw-body' }, log, typing);
  const status = h('div', { class: 'iaw-sr', role: 'status' });
  const composer = h('div', { class: 'iaw-composer' });
  // the advice so far, while questions are open (issue 13): a slim live line above the question
  const previewLine = h('p', { class: 'iaw-preview', 'aria-live': 'polite', 'aria-atomic': 'true', hidden: true });

  const panel = h('section', {
    class: 'iaw-panel', id: panelId, role: 'region', 'aria-labelledby': titleId, hidden: !inline
  },
  h('header', { class: 'iaw-header' },
    h('div', { class: 'iaw-heading' }, title, progressText, progressBar),
    h('div', { class: 'iaw-tools' }, restartButton, closeButton)),
  body, previewLine, composer, status);

  const launcher = inline ? null : h('button', {
    type: 'button', class: 'iaw-launcher', 'aria-controls': panelId, 'aria-expanded': 'false',
    onclick: () => setOpen(!isOpen(), true)
  }, s('svg', { class: 'iaw-launcher-icon', viewBox: '0 0 24 24', 'aria-hidden': 'true', focusable: 'false' },
    s('path', { d: 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z' })),
  h('span', { class: 'iaw-launcher-label', text: 'Ask the advisor' }));

  const root = h('div', { class: 'iaw-root' + (inline ? ' iaw-inline' : ' iaw-popup'), hidden: true }, launcher, panel);
  root.addEventListener('keydown', onKeydown);
  applyColor(config.primaryColor);
  mount();

  function mount() {
    const place = () => {
      const host = inline ? document.querySelector(config.container) : document.body;
      (host || document.body).append(root);
      loadStylesheet().then(() => {
        root.hidden = false;
        const remembered = remember.wasOpen();
        if (inline || (remembered === null ? config.open : remembered)) {
          setOpen(true, false);
        }
      });
    };
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', place, { once: true });
    } else {
      place();
    }
  }

  function loadStylesheet() {
    const href = config.serviceUrl + '/widget.css';
    const present = Array.from(document.querySelectorAll('link[rel="stylesheet"]')).find((l) => l.href === href);
    if (present && present.sheet) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const link = present || h('link', { rel: 'stylesheet', href });
      link.addEventListener('load', resolve, { once: true });
      link.addEventListener('error', resolve, { once: true });
      if (!present) {
        document.head.append(link);
      }
    });
  }

  /** Sets the brand colour and picks black or white text on it, whichever contrasts more. */
  function applyColor(color) {
    if (!color || !(window.CSS && CSS.supports('color', color))) {
      return;
    }
    root.style.setProperty('--iaw-primary', color);
    const probe = h('span');
    probe.style.color = color;
    document.documentElement.append(probe);
    const rgb = getComputedStyle(probe).color.match(/[\d.]+/g);
    probe.remove();
    if (!rgb) {
      return;
    }
    const [r, g, b] = rgb.slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    const contrastWithWhite = 1.05 / (luminance + 0.05);
    const contrastWithBlack = (luminance + 0.05) / 0.05;
    root.style.setProperty('--iaw-on-primary', contrastWithWhite >= contrastWithBlack ? '#ffffff' : '#111827');
  }

  // ---------------------------------------------------------------- open / close

  function isOpen() {
    return inline || !panel.hidden;
  }

  function setOpen(open, byUser) {
    if (!inline) {
      panel.hidden = !open;
      launcher.setAttribute('aria-expanded', String(open));
      root.classList.toggle('iaw-is-open', open);
      remember.keepOpen(open);
    }
    if (open) {
      ensureStarted(byUser);
      if (byUser) {
        focusComposer();
      }
    } else if (byUser && launcher) {
      launcher.focus();
    }
  }

  function onKeydown(event) {
    if (event.key !== 'Escape') {
      return;
    }
    if (state.editing) {
      event.preventDefault();
      cancelEdit();
    } else if (!inline && isOpen()) {
      event.preventDefault();
      setOpen(false, true);
    }
  }

  // ---------------------------------------------------------------- conversation lifecycle

  async function ensureStarted(byUser) {
    if (state.started) {
      return;
    }
    state.started = true;
    showComposerMessage('Connecting to the advisor\u2026');
    await run(async () => {
      state.flow = await api('GET', '/api/flows/' + encodeURIComponent(config.flow));
      if (!config.title && state.flow.title) {
        title.textContent = state.flow.title;
      }
      intro.replaceChildren(botMessage([
        h('p', { text: 'Hello! I will ask a few short questions and then recommend an AI infrastructure strategy, with the reasons behind it.' }),
        state.flow.description ? h('p', { class: 'iaw-muted', text: state.flow.description }) : null
      ]));
      const id = remember.conversation();
      let conversation = null;
      if (id) {
        try {
          conversation = await api('GET', conversationPath(id));
        } catch (e) {
          if (!(e instanceof ApiError && e.status === 404)) {
            throw e;
          }
        }
      }
      if (!conversation || conversation.flow !== config.flow) {
        conversation = await api('POST', '/api/conversations', { flow: config.flow });
      }
      show(conversation, byUser);
    }, () => {
      state.started = false;
      ensureStarted(true);
    });
  }

  /** Runs a request with the typing indicator on; on failure shows the problem with a retry. */
  async function run(work, retry) {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && state.conversation) {
        const fresh = await api('GET', conversationPath(state.conversation.id)).catch(() => null);
        if (fresh) {
          show(fresh, true);
          announce('The conversation had changed in the meantime; it is up to date now.');
          return;
        }
      }
      showError(e, retry);
    } finally {
      setBusy(false);
    }
  }

  function setBusy(busy) {
    state.busy = busy;
    typing.hidden = !busy;
    log.setAttribute('aria-busy', String(busy));
    composer.classList.toggle('iaw-is-busy', busy);
    composer.querySelectorAll('button, input, textarea').forEach((el) => {
      if (busy) {
        el.dataset.iawWasDisabled = String(el.disabled);
        el.disabled = true;
      } else if (el.dataset.iawWasDisabled !== undefined) {
        el.disabled = el.dataset.iawWasDisabled === 'true';
        delete el.dataset.iawWasDisabled;
      }
    });
    if (busy) {
      scrollToEnd();
    }
  }

  function answer(question, value) {
    if (state.busy) {
      return;
    }
    const changing = state.editing === question.id;
    const before = state.conversation && state.conversation.recommendation;
    run(async () => {
      const conversation = await api('POST', conversationPath(state.conversation.id) + '/answers', { question: question.id, value });
      if (changing) {
        state.lastAdvice = before ? before.strategy || '' : null;
        state.lastChange = question.text;
        const dropped = state.conversation.answers.filter((a) => !conversation.answers.some((b) => b.question === a.question));
        announce(dropped.length
          ? 'Answer changed. ' + dropped.length + (dropped.length === 1 ? ' later answer no longer applies.' : ' later answers no longer apply.')
          : 'Answer changed.');
      } else {
        state.lastAdvice = null;
        state.lastChange = null;
      }
      state.editing = null;
      show(conversation, true);
    }, () => answer(question, value));
  }

  /** A new read-only share token for the report links (after sharing was turned off through the API). */
  function makeShareLink() {
    if (state.busy) {
      return;
    }
    run(async () => {
      await api('POST', conversationPath(state.conversation.id) + '/share');
      const fresh = await api('GET', conversationPath(state.conversation.id));
      state.renderedAdvice = null;
      show(fresh, false);
      announce('The report links work again, with a new address.');
    }, makeShareLink);
  }

  /** Completes the conversation with the open questions as unknown; any answer can still be given or changed after. */
  async function finishNow() {
    await run(async () => {
      const conversation = await api('POST', conversationPath(state.conversation.id) + '/finish');
      state.editing = null;
      show(conversation, true);
    }, finishNow);
  }

  async function restart() {
    await run(async () => {
      const conversation = await api('POST', '/api/conversations', { flow: config.flow });
      state.editing = null;
      state.lastAdvice = null;
      state.lastChange = null;
      log.querySelectorAll('.iaw-turn:not(.iaw-intro)').forEach((el) => el.remove());
      state.renderedAdvice = null;
      announce('Started a new conversation.');
      show(conversation, true);
    }, restart);
  }

  // ---------------------------------------------------------------- rendering the conversation

  function show(conversation, moveFocus) {
    state.conversation = conversation;
    remember.keepConversation(conversation.id);
    renderProgress(conversation);
    renderPreview(conversation);
    syncTurns(conversation);
    const advice = conversation.question ? null : conversation.recommendation;
    const adviceJson = advice ? JSON.stringify(advice) : null;
    const existingCard = log.querySelector('.iaw-result');
    let newCard = null;
    if (adviceJson !== state.renderedAdvice || (advice && !existingCard)) {
      if (existingCard) existingCard.remove();
      state.renderedAdvice = adviceJson;
      if (advice) {
        newCard = h('div', { class: 'iaw-turn iaw-result' }, renderCard(advice, conversation));
        log.append(newCard);
      }
    }
    renderComposer();
    if (advice && !conversation.question) {
      const card = newCard || log.querySelector('.iaw-result');
      if (newCard) scrollToShow(card, moveFocus);
      if (moveFocus) card.querySelector('.iaw-strategy').focus({ preventScroll: true });
    } else {
      if (moveFocus) focusComposer();
      scrollToEnd();
    }
  }

  /** Brings the top of an element into view inside the panel; moves the host page only when the user acted. */
  function scrollToShow(element, byUser) {
    if (inline) {
      if (byUser) element.scrollIntoView({ block: 'start' });
      return;
    }
    body.scrollTop += element.getBoundingClientRect().top - body.getBoundingClientRect().top - 8;
  }

  /**
   * "So far: Cloud-first \u00b7 4 \u00d7 NVIDIA H100 SXM \u00b7 62% sure": the advice for the answers so far, while a
   * question is open (issue 13). Hidden before the first answer and once the recommendation shows.
   */
  function renderPreview(conversation) {
    const text = conversation.question ? previewText(conversation.preview) : '';
    if (!text) {
      previewLine.hidden = true;
      previewLine.textContent = '';
      return;
    }
    if (previewLine.textContent !== text) previewLine.textContent = text; // announced only when it changes
    previewLine.hidden = false;
  }

  function previewText(preview) {
    if (!preview) return '';
    const parts = [preview.strategy ? strategyName(preview.strategy) : 'No strategy yet'];
    const a = preview.accelerator;
    if (a) parts.push(formatNumber(a.count) + ' \u00d7 ' + a.vendor + ' ' + a.model);
    if (preview.strategy) parts.push(Math.round((preview.confidence || 0) * 100) + '% sure');
    return 'So far: ' + parts.join(' \u00b7 ');
  }

  function renderProgress(conversation) {
    const p = conversation.progress || { answered: 0, estimatedTotal: 0 };
    const total = Math.max(p.estimatedTotal, p.answered);
    if (conversation.question) {
      const index = state.editing ? null : p.answered + 1;
      progressText.textContent = index ? 'Question ' + index + ' of about ' + total : p.answered + ' of about ' + total + ' answered';
    } else if (conversation.leftOpen && conversation.leftOpen.length) { // finished early
      progressText.textContent = p.answered + ' answered, ' + conversation.leftOpen.length + ' left open';
    } else {
      progressText.textContent = 'All ' + p.answered + ' questions answered';
    }
    progressFill.style.width = (total ? Math.round(100 * p.answered / total) : 0) + '%';
  }

  /**
   * Brings the log in line with the conversation: one turn per answered question (question and answer) plus
   * the open question. Turns that did not change stay as they are, so screen readers hear only what is new.
   */
  function syncTurns(conversation) {
    // in the order they were answered (the API lists answers in the flow's order; the advisor may ask in another)
    const answers = conversation.answers.slice().sort((a, b) => Date.parse(a.answeredAt) - Date.parse(b.answeredAt));
    const wanted = answers.map((a) => ({ id: a.question, text: a.text, answer: a }));
    if (conversation.question) {
      wanted.push({ id: conversation.question.id, text: conversation.question.text, answer: null });
    }
    const existing = new Map();
    let last = intro;
    log.querySelectorAll('.iaw-turn[data-qid]').forEach((turn) => {
      if (wanted.some((w) => w.id === turn.dataset.qid)) {
        existing.set(turn.dataset.qid, turn);
        last = turn;
      } else {
        turn.remove();
      }
    });
    for (const w of wanted) {
      let turn = existing.get(w.id);
      if (!turn) { // a new turn goes to the end of the log; turns already shown stay where they are
        turn = h('div', { class: 'iaw-turn', 'data-qid': w.id }, botMessage(h('p', { class: 'iaw-question', text: w.text })));
        last.after(turn);
        last = turn;
      }
      setTurnAnswer(turn, w.answer);
      markRefinement(turn, !w.answer && conversation.question && conversation.question.refinement);
    }
  }

  /** A question no answer of which can change the strategy or the accelerator any more only refines the details. */
  function markRefinement(turn, refinement) {
    const badge = turn.querySelector('.iaw-refinement');
    if (refinement && !badge) {
      turn.querySelector('.iaw-bot').append(h('p', { class: 'iaw-refinement' },
        h('span', { class: 'iaw-badge', text: 'Refinement' }), ' only fine-tunes the details; it won\u2019t change the headline advice'));
    } else if (!refinement && badge) {
      badge.remove();
    }
  }

  function setTurnAnswer(turn, answerView) {
    const current = turn.querySelector('.iaw-user');
    const signature = answerView ? JSON.stringify(answerView.value) : null;
    if (current && current.dataset.value === signature) {
      current.classList.toggle('iaw-editing', state.editing === answerView.question);
      return;
    }
    if (current) current.remove();
    if (!answerView) return;
    const help = turn.querySelector('.iaw-help');
    if (help) help.remove();
    const editable = Boolean(questionById(answerView.question));
    const content = [srOnly('You: '), h('span', { class: 'iaw-answer-label', text: answerView.label })];
    const bubble = editable
      ? h('button', {
        type: 'button', class: 'iaw-answer', title: 'Change this answer',
        onclick: () => startEdit(answerView.question)
      }, content, h('span', { class: 'iaw-edit-hint', 'aria-hidden': 'true', text: '\u270e' }), srOnly(' (change this answer)'))
      : h('span', { class: 'iaw-answer' }, content);
    turn.append(h('div', { class: 'iaw-msg iaw-user', 'data-value': signature }, bubble));
  }

  function botMessage(content) {
    return h('div', { class: 'iaw-msg iaw-bot' }, srOnly('Advisor: '), content);
  }

  function scrollToEnd() {
    body.scrollTop = body.scrollHeight;
  }

  function announce(text) {
    status.textContent = '';
    window.setTimeout(() => { status.textContent = text; }, 50);
  }

  // ---------------------------------------------------------------- composer: answering and changing

  function startEdit(questionId) {
    if (state.busy) return;
    state.editing = questionId;
    log.querySelectorAll('.iaw-user').forEach((el) => el.classList.remove('iaw-editing'));
    const turn = log.querySelector('.iaw-turn[data-qid="' + CSS.escape(questionId) + '"] .iaw-user');
    if (turn) turn.classList.add('iaw-editing');
    renderComposer();
    focusComposer();
  }

  function cancelEdit() {
    const id = state.editing;
    state.editing = null;
    log.querySelectorAll('.iaw-user').forEach((el) => el.classList.remove('iaw-editing'));
    renderComposer();
    const button = id && log.querySelector('.iaw-turn[data-qid="' + CSS.escape(id) + '"] .iaw-answer');
    if (button) button.focus();
    else focusComposer();
  }

  function focusComposer() {
    const target = composer.querySelector('[data-autofocus]') ||
      composer.querySelector('input:not([disabled]), textarea:not([disabled]), button:not([disabled])');
    if (target && isOpen()) {
      target.focus({ preventScroll: true });
    }
  }

  function showComposerMessage(text) {
    composer.replaceChildren(h('p', { class: 'iaw-composer-note', text }));
  }

  function showError(error, retry) {
    const message = error instanceof ApiError ? error.message : 'Something went wrong. Please try again.';
    const gone = error instanceof ApiError && error.status === 404 && state.conversation;
    const note = h('p', { class: 'iaw-error', role: 'alert', text: gone ? 'This conversation no longer exists on the server.' : message });
    const actions = h('div', { class: 'iaw-actions' },
      gone ? null : h('button', { type: 'button', class: 'iaw-button', 'data-autofocus': true, onclick: () => retry && retry() }, 'Try again'),
      h('button', { type: 'button', class: 'iaw-button iaw-secondary', onclick: () => { remember.forgetConversation(); restart(); } }, 'Start over'));
    composer.replaceChildren(note, actions);
    focusComposer();
  }

  function askRestart() {
    if (!state.conversation || state.busy) return;
    if (!state.conversation.answers.length) {
      restart();
      return;
    }
    composer.replaceChildren(
      h('p', { class: 'iaw-composer-label', text: 'Start a new conversation? Your answers and advice so far will be cleared from this window.' }),
      h('div', { class: 'iaw-actions' },
        h('button', { type: 'button', class: 'iaw-button', 'data-autofocus': true, onclick: () => restart() }, 'Yes, start over'),
        h('button', { type: 'button', class: 'iaw-button iaw-secondary', onclick: () => { renderComposer(); focusComposer(); } }, 'Keep my answers')));
    setOpen(true, false);
    focusComposer();
  }

  function renderComposer() {
    const conversation = state.conversation;
    if (!conversation) return;
    if (state.editing) {
      const question = questionById(state.editing);
      const current = conversation.answers.find((a) => a.question === state.editing);
      if (question && current) {
        composer.replaceChildren(...questionControls(question, current.value, true));
        return;
      }
      state.editing = null;
    }
    if (conversation.question) {
      composer.replaceChildren(...questionControls(conversation.question, undefined, false));
    } else {
      composer.replaceChildren(
        h('p', { class: 'iaw-composer-note', text: 'Click any of your answers above to change it and see how the advice changes.' }),
        h('div', { class: 'iaw-actions' },
          conversation.shareToken
            ? h('a', { class: 'iaw-button', href: reportUrl(conversation, 'html'), target: '_blank', rel: 'noopener' }, 'Open the report')
            : null,
          h('button', { type: 'button', class: 'iaw-button iaw-secondary', onclick: () => askRestart() }, 'Start over')));
    }
  }

  function questionControls(question, currentValue, editing) {
    const labelId = ids('label');
    const parts = [];
    parts.push(editing
      ? h('p', { class: 'iaw-composer-label', id: labelId }, 'Change your answer to: ', h('strong', { text: question.text }))
      : h('p', { class: 'iaw-sr', id: labelId, text: 'Your answer to: ' + question.text }));
    switch (question.type) {
      case 'choice':
        parts.push(quickReplies(question, labelId, question.options.map((o) => ({ label: o.label, value: o.value })), currentValue));
        break;
      case 'boolean':
        parts.push(quickReplies(question, labelId, [{ label: 'Yes', value: true }, { label: 'No', value: false }], currentValue));
        break;
      case 'multi':
        parts.push(multiChoice(question, labelId, currentValue));
        break;
      case 'number':
        parts.push(numberInput(question, labelId, currentValue));
        break;
      default:
        parts.push(textInput(question, labelId, currentValue));
    }
    const extras = h('div', { class: 'iaw-extras' });
    if (question.allowUnknown !== false) {
      extras.append(h('button', {
        type: 'button', class: 'iaw-link iaw-unknown', 'data-value': UNKNOWN,
        'aria-pressed': currentValue === UNKNOWN ? 'true' : null, onclick: () => answer(question, UNKNOWN)
      }, "I don't know"));
    }
    if (question.help && !editing) {
      const toggle = helpToggle(question);
      if (toggle) extras.append(toggle);
    }
    if (!editing && state.conversation && state.conversation.answers.length > 0) { // also when the service gives no preview
      extras.append(h('button', { type: 'button', class: 'iaw-link iaw-finish', onclick: () => finishNow() }, 'Show my advice now'));
    }
    if (editing) {
      extras.append(h('button', { type: 'button', class: 'iaw-link iaw-cancel', onclick: () => cancelEdit() }, 'Cancel'));
    }
    parts.push(extras);
    return parts;
  }

  /** "What does this mean?" shows the question's help as an advisor message (prepared hidden, so aria-controls holds). */
  function helpToggle(question) {
    const turn = log.querySelector('.iaw-turn[data-qid="' + CSS.escape(question.id) + '"]');
    if (!turn) return null;
    let help = turn.querySelector('.iaw-help');
    if (!help) {
      help = h('div', { class: 'iaw-msg iaw-bot iaw-help', id: ids('help'), hidden: true }, srOnly('Advisor: '),
        h('p', { text: question.help }));
      turn.querySelector('.iaw-bot').after(help);
    }
    const toggle = h('button', {
      type: 'button', class: 'iaw-link iaw-help-toggle', 'aria-expanded': String(!help.hidden), 'aria-controls': help.id
    }, 'What does this mean?');
    toggle.addEventListener('click', () => {
      help.hidden = !help.hidden;
      toggle.setAttribute('aria-expanded', String(!help.hidden));
      if (!help.hidden) scrollToEnd();
    });
    return toggle;
  }

  function quickReplies(question, labelId, options, currentValue) {
    const group = h('div', { class: 'iaw-choices', role: 'group', 'aria-labelledby': labelId });
    options.forEach((option, i) => {
      const current = currentValue === option.value;
      group.append(h('button', {
        type: 'button', class: 'iaw-choice' + (current ? ' iaw-current' : ''), 'data-value': String(option.value),
        'data-autofocus': (currentValue === undefined ? i === 0 : current) || null,
        onclick: () => answer(question, option.value)
      }, option.label, current ? srOnly(' (your current answer)') : null));
    });
    if (currentValue !== undefined && !options.some((o) => o.value === currentValue)) {
      group.firstChild.setAttribute('data-autofocus', '');
    }
    group.addEventListener('keydown', arrowKeys);
    return group;
  }

  /** Arrow keys, Home and End move between quick-reply buttons, as in a toolbar. */
  function arrowKeys(event) {
    const buttons = Array.from(event.currentTarget.querySelectorAll('button:not([disabled])'));
    const i = buttons.indexOf(document.activeElement);
    if (i < 0) return;
    let next = null;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = buttons[(i + 1) % buttons.length];
    if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = buttons[(i - 1 + buttons.length) % buttons.length];
    if (event.key === 'Home') next = buttons[0];
    if (event.key === 'End') next = buttons[buttons.length - 1];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  }

  function multiChoice(question, labelId, currentValue) {
    const chosen = new Set(Array.isArray(currentValue) ? currentValue : []);
    const confirm = h('button', { type: 'submit', class: 'iaw-button iaw-confirm' });
    const updateConfirm = () => {
      const n = form.querySelectorAll('input:checked').length;
      confirm.disabled = n === 0;
      confirm.textContent = n === 0 ? 'Choose at least one' : 'Confirm ' + n + ' selected';
    };
    const boxes = question.options.map((o, i) => h('label', { class: 'iaw-check' },
      h('input', {
        type: 'checkbox', value: o.value, checked: chosen.has(o.value), 'data-autofocus': i === 0 || null, onchange: updateConfirm
      }), h('span', { text: o.label })));
    const form = h('form', { class: 'iaw-multi', novalidate: true },
      h('fieldset', { 'aria-labelledby': labelId }, h('div', { class: 'iaw-checks' }, boxes)), confirm);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const values = Array.from(form.querySelectorAll('input:checked')).map((el) => el.value);
      if (values.length) answer(question, values);
    });
    updateConfirm();
    return form;
  }

  function rangeText(question) {
    const unit = question.unit ? ' ' + question.unit : '';
    const has = (v) => v !== null && v !== undefined;
    if (has(question.min) && has(question.max)) return 'from ' + formatNumber(question.min) + ' to ' + formatNumber(question.max) + unit;
    if (has(question.min)) return 'of at least ' + formatNumber(question.min) + unit;
    if (has(question.max)) return 'of at most ' + formatNumber(question.max) + unit;
    return unit ? 'in' + unit : '';
  }

  /** Accepts 1200, 1,200 (thousands separators), 1 200, 1.5 and 2e6; anything else is not a number. */
  function parseNumber(raw) {
    let text = raw.trim().replace(/[\s_]/g, '');
    if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) {
      text = text.replace(/,/g, '');
    }
    if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) {
      return NaN;
    }
    return Number(text);
  }

  function numberProblem(question, raw) {
    if (!raw.trim()) return 'Enter a number ' + rangeText(question) + '.';
    const value = parseNumber(raw);
    if (!Number.isFinite(value)) return 'That is not a number. Enter a number ' + rangeText(question) + ', for example ' + formatNumber(question.min !== null && question.min !== undefined && question.min > 0 ? question.min : 1) + '.';
    if (question.whole && !Number.isInteger(value)) return 'Enter a whole number ' + rangeText(question) + '.';
    if ((question.min !== null && question.min !== undefined && value < question.min) ||
        (question.max !== null && question.max !== undefined && value > question.max)) {
      return formatNumber(value) + ' is out of range. Enter a number ' + rangeText(question) + '.';
    }
    return null;
  }

  function numberInput(question, labelId, currentValue) {
    const inputId = ids('number');
    const hintId = ids('hint');
    const errorId = ids('error');
    const input = h('input', {
      id: inputId, class: 'iaw-input', type: 'text', inputmode: question.whole ? 'numeric' : 'decimal', autocomplete: 'off',
      'aria-labelledby': labelId, 'aria-describedby': hintId + ' ' + errorId, 'data-autofocus': true,
      value: typeof currentValue === 'number' ? String(currentValue) : null
    });
    const error = h('p', { class: 'iaw-field-error', id: errorId, 'aria-live': 'assertive' });
    const check = () => {
      const problem = numberProblem(question, input.value);
      error.textContent = problem || '';
      input.setAttribute('aria-invalid', String(Boolean(problem)));
      return problem;
    };
    input.addEventListener('input', () => {
      if (input.getAttribute('aria-invalid') === 'true') check();
    });
    const form = h('form', { class: 'iaw-field', novalidate: true },
      h('div', { class: 'iaw-input-row' },
        h('div', { class: 'iaw-input-wrap' }, input, question.unit ? h('span', { class: 'iaw-unit', text: question.unit }) : null),
        h('button', { type: 'submit', class: 'iaw-button iaw-send' }, 'Send')),
      h('p', { class: 'iaw-hint', id: hintId, text: capitalize(((question.whole ? 'A whole number ' : 'A number ') + rangeText(question)).trim()) + '.' }),
      error);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (check()) {
        input.focus();
        return;
      }
      answer(question, parseNumber(input.value));
    });
    return form;
  }

  function textInput(question, labelId, currentValue) {
    const max = question.maxLength || 2000;
    const counterId = ids('count');
    const errorId = ids('error');
    const area = h('textarea', {
      class: 'iaw-input iaw-textarea', rows: 2, maxlength: max, 'aria-labelledby': labelId,
      'aria-describedby': counterId + ' ' + errorId, 'data-autofocus': true, placeholder: 'Type your answer'
    });
    if (typeof currentValue === 'string' && currentValue !== UNKNOWN) area.value = currentValue;
    const counter = h('p', { class: 'iaw-hint', id: counterId });
    const error = h('p', { class: 'iaw-field-error', id: errorId, 'aria-live': 'assertive' });
    const count = () => { counter.textContent = area.value.length + ' of ' + formatNumber(max) + ' characters \u00b7 Enter sends, Shift+Enter adds a line'; };
    area.addEventListener('input', () => {
      count();
      if (area.value.trim()) {
        error.textContent = '';
        area.setAttribute('aria-invalid', 'false');
      }
    });
    const form = h('form', { class: 'iaw-field', novalidate: true },
      h('div', { class: 'iaw-input-row' }, area, h('button', { type: 'submit', class: 'iaw-button iaw-send' }, 'Send')),
      counter, error);
    const submit = () => {
      const text = area.value.trim();
      if (!text) {
        error.textContent = 'Type an answer first, or choose "I don\'t know".';
        area.setAttribute('aria-invalid', 'true');
        area.focus();
        return;
      }
      answer(question, text);
    };
    area.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        submit();
      }
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submit();
    });
    count();
    return form;
  }

  // ---------------------------------------------------------------- the recommendation card

  /**
   * The card: a summary that fits one screen of the widget (strategy and confidence, the reasons that decided it with
   * the user's own answers, the recommended accelerator and what it costs, the cost of each strategy, the top risks
   * and the next step), then every part of the advice in a section that opens on demand.
   */
  function renderCard(advice, conversation) {
    const cardTitleId = ids('card');
    const card = h('article', { class: 'iaw-card', 'aria-labelledby': cardTitleId });
    const name = (id) => label(advice, id, strategyName(id));

    const head = h('header', { class: 'iaw-card-head' }, srOnly('Recommended strategy'));
    const headline = h('div', { class: 'iaw-headline' },
      h('h3', { class: 'iaw-strategy', id: cardTitleId, tabindex: '-1', 'data-strategy': advice.strategy || '' }, name(advice.strategy)));
    head.append(headline);
    if (state.lastAdvice !== null && state.lastChange) {
      const changed = (state.lastAdvice || '') !== (advice.strategy || '');
      head.prepend(h('p', { class: 'iaw-change-note' + (changed ? ' iaw-changed' : '') },
        changed
          ? 'Changed from ' + name(state.lastAdvice) + ' after your new answer to \u201c' + state.lastChange + '\u201d.'
          : 'Updated after your new answer to \u201c' + state.lastChange + '\u201d; the strategy stays the same.'));
    }
    if (advice.strategy) {
      const pct = Math.round((advice.confidence || 0) * 100);
      const fill = h('span', { class: 'iaw-meter-fill' });
      fill.style.width = Math.max(0, Math.min(100, pct)) + '%';
      headline.append(h('div', { class: 'iaw-confidence' },
        h('span', { text: 'Confidence ' }), h('strong', { text: pct + '%' }),
        h('span', { class: 'iaw-meter', 'aria-hidden': 'true' }, fill)));
    } else {
      head.append(h('p', { text: 'No strategy could be recommended from these answers. Answering the open questions below may help.' }));
    }
    card.append(head, summary(advice, conversation, name));

    const list = (items) => items || [];
    /** One conclusion: a headline with its "Why?" toggle on the right, the detail, and the reasons when opened. */
    const item = (cls, head, detail, reasons, subject) => {
      const parts = whyParts(reasons, subject, advice, conversation);
      return h('li', { class: cls },
        h('div', { class: 'iaw-item-row' }, h('p', { class: 'iaw-item-head' }, head), parts && parts.toggle),
        detail ? h('p', { class: 'iaw-detail', text: detail }) : null,
        parts && parts.panel);
    };
    const more = h('div', { class: 'iaw-more' }, h('p', { class: 'iaw-more-title', text: 'Details' }));

    if (list(advice.votes).length) {
      const points = {};
      advice.votes.forEach((v) => { points[v.strategy] = (points[v.strategy] || 0) + v.points; });
      more.append(disclosure('How the strategies scored', h('ul', { class: 'iaw-items' },
        Object.keys(points).sort((a, b) => points[b] - points[a]).map((st) => h('li', { class: 'iaw-item' },
          h('p', { class: 'iaw-item-head' }, h('strong', { text: name(st) + ': ' + points[st] + (points[st] === 1 ? ' point' : ' points') })),
          h('ul', { class: 'iaw-votes' }, advice.votes.filter((v) => v.strategy === st).map((v) => h('li', null,
            h('strong', { text: signed(v.points) + ' ' }), capitalize(v.reason || ruleName(advice, v.rule)),
            yourAnswers(advice, v.answers) ? h('span', { class: 'iaw-detail', text: ' (' + yourAnswers(advice, v.answers) + ')' }) : null))))))));
    }

    if (list(advice.accelerators).length) {
      more.append(disclosure('Accelerators (' + advice.accelerators.length + ')', h('ul', { class: 'iaw-items' }, advice.accelerators.map((a) =>
        item('iaw-item', [h('span', { class: 'iaw-count', text: formatNumber(a.count) + ' \u00d7' }), ' ', h('strong', { text: a.vendor + ' ' + a.model })],
          a.reason, a.reasons, a.vendor + ' ' + a.model)))));
    }

    if (list(advice.costs).length) {
      more.append(disclosure('Cost ' + horizon(advice, conversation), h('ul', { class: 'iaw-items' }, advice.costs.map((c) =>
        item('iaw-item', [h('strong', { text: name(c.strategy) + ': ' + money(c.totalUsd) }),
          c.strategy === advice.strategy ? h('span', { class: 'iaw-badge iaw-badge-primary', text: 'recommended' }) : null],
        c.breakdown, c.reasons, 'cost of ' + name(c.strategy))))));
    }

    if (list(advice.risks).length) {
      more.append(disclosure('Risks (' + advice.risks.length + ')', h('ul', { class: 'iaw-items' }, advice.risks.map((r) =>
        item('iaw-item', [h('span', { class: 'iaw-badge iaw-severity-' + token(r.severity), text: label(advice, r.severity, capitalize(r.severity || '')) }), ' ',
          h('strong', { text: r.title })], r.detail, r.reasons, r.title)))));
    }

    if (list(advice.readiness).length) {
      more.append(disclosure('Readiness scorecard', h('ul', { class: 'iaw-scorecard' }, advice.readiness.map((r) => {
        const look = READINESS[r.status] || { label: capitalize(r.status || ''), icon: '\u2022' };
        return item('iaw-score iaw-status-' + token(r.status), [
          h('span', { class: 'iaw-status' }, h('span', { 'aria-hidden': 'true', text: look.icon + ' ' }), label(advice, r.status, look.label)),
          h('strong', { text: label(advice, r.pillar, capitalize(String(r.pillar || '').replace(/-/g, ' '))) })], r.reason, r.reasons, r.pillar);
      }))));
    }

    if (list(advice.plan).length) {
      more.append(disclosure('Pilot-to-production plan (' + advice.plan.length + ' steps)', h('ol', { class: 'iaw-items iaw-plan' }, advice.plan.map((p) =>
        item('iaw-item', [h('strong', { text: p.title })], p.detail, p.reasons, p.title)))));
    }

    if (list(advice.sizing).length) {
      more.append(disclosure('Sizing', h('ul', { class: 'iaw-items' }, advice.sizing.map((z) =>
        item('iaw-item', [h('span', { text: z.name + ': ' }), h('strong', { text: z.text })],
          z.formula, z.reasons, z.name)))));
    }

    if (list(advice.openQuestions).length) {
      more.append(disclosure('Open questions (' + advice.openQuestions.length + ')', h('ul', { class: 'iaw-items' }, advice.openQuestions.map((q) =>
        h('li', { class: 'iaw-item' },
          h('p', { class: 'iaw-item-head' }, h('strong', { text: q.text || q.question })),
          q.why ? h('p', { class: 'iaw-detail', text: q.why }) : null,
          changeButton(q.question, conversation))))));
    }

    if (list(advice.assumptions).length) {
      more.append(disclosure('Assumptions behind the figures (' + advice.assumptions.length + ')',
        h('ul', { class: 'iaw-assumptions' }, advice.assumptions.map((a) =>
          h('li', null, a.label ? h('strong', { text: a.label + ': ' }) : null, a.text,
            a.confirmed ? null : h('span', { class: 'iaw-badge', text: 'not confirmed' }),
            a.source ? h('span', { class: 'iaw-detail', text: ' \u2014 ' + a.source }) : null)))));
    }

    const rules = Object.values(advice.rules || {});
    if (rules.length) {
      more.append(disclosure('How the advice was reached (' + rules.length + ' rules)',
        h('ol', { class: 'iaw-explanation' }, rules.map((rule) =>
          h('li', null,
            h('strong', { text: rule.name }),
            rule.description ? h('p', { class: 'iaw-detail', text: rule.description }) : null,
            rule.rationale ? h('p', { class: 'iaw-detail iaw-muted', text: rule.rationale }) : null)))));
    }
    card.append(more);

    card.append(h('footer', { class: 'iaw-card-foot' },
      h('p', { class: 'iaw-report-title', text: 'Download the report' }),
      conversation.shareToken
        ? h('div', { class: 'iaw-report-links' },
          h('a', { href: reportUrl(conversation, 'html'), target: '_blank', rel: 'noopener', class: 'iaw-report-link' }, 'Printable page'),
          h('a', { href: reportUrl(conversation, 'pdf'), target: '_blank', rel: 'noopener', class: 'iaw-report-link' }, 'PDF'),
          h('a', { href: reportUrl(conversation, 'md'), class: 'iaw-report-link', download: '' }, 'Markdown'))
        : h('div', { class: 'iaw-report-links' },
          h('p', { class: 'iaw-muted', text: 'Report links are turned off for this conversation.' }),
          h('button', { type: 'button', class: 'iaw-link iaw-new-share', onclick: () => makeShareLink() }, 'Make a new report link')),
      h('p', { class: 'iaw-muted iaw-version', text: 'Rules version ' + advice.rulesVersion })));
    return card;
  }

  /**
   * The part of the card that fits one screen: why this strategy (the deciding reasons, each with the user's own
   * answers), the recommended accelerator and its cost, the cost chart, the top risks and the next step.
   */
  function summary(advice, conversation, name) {
    const top = h('div', { class: 'iaw-overview' });
    const deciding = advice.deciding || [];
    if (deciding.length) {
      const headingId = ids('why');
      top.append(h('section', { class: 'iaw-deciding', 'aria-labelledby': headingId },
        h('h4', { id: headingId, text: 'Why ' + name(advice.strategy).toLowerCase() }),
        h('ul', null, deciding.map((d) => {
          const against = d.strategy !== advice.strategy;
          const answers = yourAnswers(advice, d.answers);
          return h('li', { class: against ? 'iaw-against' : null },
            d.points == null ? null : h('span', { class: 'iaw-points', text: signed(d.points) }), d.points == null ? null : ' ',
            against ? h('span', { class: 'iaw-muted', text: 'For ' + name(d.strategy) + ': ' }) : null,
            h('span', { class: 'iaw-reason', text: capitalize(d.reason) }),
            answers ? h('span', { class: 'iaw-your-answers', text: ' (' + answers + ')' }) : null);
        }))));
    } else if (advice.summary) {
      top.append(h('p', { class: 'iaw-detail', text: advice.summary }));
    }
    const best = (advice.accelerators || [])[0];
    const cost = (advice.costs || []).find((c) => c.strategy === advice.strategy);
    if (best) {
      top.append(h('p', { class: 'iaw-pick' },
        h('span', { class: 'iaw-pick-label', text: 'Recommended: ' }),
        h('strong', { class: 'iaw-pick-name', text: formatNumber(best.count) + ' \u00d7 ' + best.vendor + ' ' + best.model }),
        cost ? h('span', { class: 'iaw-pick-cost', text: ', about ' + money(cost.totalUsd) + ' ' + horizon(advice, conversation) }) : null));
    }
    if ((advice.costs || []).length > 1) {
      top.append(costChart(advice.costs, advice.strategy, name, horizon(advice, conversation)));
    }
    const risks = (advice.risks || []).slice(0, 3);
    if (risks.length) {
      top.append(h('ul', { class: 'iaw-top-risks', 'aria-label': 'Top risks' }, risks.map((r) => h('li', { title: r.title },
        h('span', { class: 'iaw-badge iaw-severity-' + token(r.severity), text: label(advice, r.severity, capitalize(r.severity || '')) }), ' ',
        r.title))));
    }
    const next = (advice.plan || [])[0];
    if (next) {
      top.append(h('p', { class: 'iaw-next', title: next.title }, h('strong', { text: 'Next step: ' }), next.title));
    }
    return top;
  }

  /** "your answer: AWS" or "your answers: Monthly (opex); No infrastructure team", from the document's answers. */
  function yourAnswers(advice, questions) {
    const labels = (questions || []).filter((q) => advice.answers && advice.answers[q]).map((q) => advice.answers[q].label);
    return labels.length ? (labels.length === 1 ? 'your answer: ' : 'your answers: ') + labels.join('; ') : '';
  }

  /** How the document says an id reads (strategy, severity, readiness status, pillar), or the fallback. */
  function label(advice, id, fallback) {
    return (advice.labels && id && advice.labels[id]) || fallback;
  }

  function signed(points) {
    return (points >= 0 ? '+' : '') + points;
  }

  function section(heading, ...content) {
    const id = ids('section');
    return h('section', { class: 'iaw-section', 'aria-labelledby': id }, h('h4', { id, text: heading }), content);
  }

  function disclosure(summary, content) {
    return h('details', { class: 'iaw-section iaw-disclosure' }, h('summary', { text: summary }), content);
  }

  function horizon(advice, conversation) {
    const given = advice.answers && advice.answers.horizon_years;
    const years = given && typeof given.value === 'number' ? given
      : conversation.answers.find((a) => a.question === 'horizon_years' && typeof a.value === 'number');
    return years ? 'over ' + formatNumber(years.value) + (years.value === 1 ? ' year' : ' years') : 'over the planning horizon';
  }

  /**
   * "Why?" for one conclusion: a toggle and a panel with the answers behind it, the votes that decided it (for a
   * strategy chosen by votes) and the rules that produced it. Rules and answers are named by id and described once
   * in the recommendation (advice.rules, advice.answers).
   */
  function whyParts(reasons, subject, advice, conversation, votes) {
    const rules = (reasons && reasons.rules) || [];
    const answered = ((reasons && reasons.answers) || []).filter((q) => advice.answers && advice.answers[q]);
    if (!rules.length && !answered.length) return null;
    const whyId = ids('why');
    const whyPanel = h('div', { class: 'iaw-why-panel', id: whyId, hidden: true });
    if (answered.length) {
      whyPanel.append(h('p', { class: 'iaw-why-heading', text: 'Because you answered' }),
        h('ul', { class: 'iaw-why-answers' }, answered.map((q) =>
          h('li', null, h('span', { text: advice.answers[q].text + ' ' }), h('strong', { class: 'iaw-why-answer', text: advice.answers[q].label }),
            changeButton(q, conversation)))));
    }
    if (votes && votes.length) {
      whyPanel.append(h('p', { class: 'iaw-why-heading', text: 'Votes that decided it' }),
        h('ul', { class: 'iaw-why-votes' }, votes.map((v) => {
          const labels = (v.answers || []).filter((q) => advice.answers[q]).map((q) => advice.answers[q].label);
          return h('li', null, h('strong', { text: (v.points >= 0 ? '+' : '') + v.points + ' ' }), v.reason || ruleName(advice, v.rule),
            labels.length ? h('span', { class: 'iaw-detail', text: ' (your answer' + (labels.length === 1 ? ': ' : 's: ')
              + labels.join('; ') + ')' }) : null);
        })));
    }
    if (rules.length) {
      whyPanel.append(h('p', { class: 'iaw-why-heading', text: rules.length === 1 ? 'Rule applied' : 'Rules applied' }),
        h('ul', { class: 'iaw-why-rules' }, rules.map((id) => {
          const rule = (advice.rules || {})[id];
          return h('li', null, h('strong', { class: 'iaw-why-rule', text: rule ? rule.name : id }),
            rule && rule.description ? h('span', { class: 'iaw-detail', text: ' \u2014 ' + rule.description }) : null);
        })));
    }
    const toggle = h('button', {
      type: 'button', class: 'iaw-why', 'aria-expanded': 'false', 'aria-controls': whyId
    }, 'Why?', srOnly(' Reasons for ' + subject));
    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      whyPanel.hidden = !open;
    });
    return { toggle, panel: whyPanel };
  }

  function ruleName(advice, id) {
    const rule = (advice.rules || {})[id];
    return rule ? rule.name : id;
  }

  function changeButton(questionId, conversation) {
    if (!questionById(questionId) || !conversation.answers.some((a) => a.question === questionId)) return null;
    return h('button', { type: 'button', class: 'iaw-link iaw-change', onclick: () => startEdit(questionId) },
      'Change', srOnly(' this answer'));
  }

  /** Horizontal bars, drawn by hand in SVG; the recommended strategy's bar is in the brand colour. */
  function costChart(costs, recommended, name, over) {
    const max = Math.max(0, ...costs.map((c) => c.totalUsd));
    const row = 21;
    const labelWidth = 104;
    const barSpace = 220;
    const height = costs.length * row + 6;
    const titleId = ids('chart-title');
    const descId = ids('chart-desc');
    const svg = s('svg', {
      class: 'iaw-chart', viewBox: '0 0 400 ' + height, role: 'img', 'aria-labelledby': titleId + ' ' + descId,
      preserveAspectRatio: 'xMinYMin meet'
    },
    s('title', { id: titleId, text: 'Cost by strategy ' + over }),
    s('desc', { id: descId, text: costs.map((c) => name(c.strategy) + ' ' + money(c.totalUsd) + (c.strategy === recommended ? ' (recommended)' : '')).join('; ') }));
    costs.forEach((c, i) => {
      const y = 3 + i * row;
      const width = max > 0 ? Math.max(2, barSpace * c.totalUsd / max) : 2;
      const best = c.strategy === recommended;
      svg.append(
        s('text', { class: 'iaw-chart-label' + (best ? ' iaw-chart-best' : ''), x: 0, y: y + 14, text: name(c.strategy) }),
        s('rect', { class: 'iaw-chart-bar' + (best ? ' iaw-chart-best' : ''), x: labelWidth, y: y + 3, width: width.toFixed(1), height: 15, rx: 3 }),
        s('text', { class: 'iaw-chart-value' + (best ? ' iaw-chart-best' : ''), x: (labelWidth + width + 8).toFixed(1), y: y + 14, text: shortMoney(c.totalUsd) }));
    });
    return h('figure', { class: 'iaw-figure' }, svg);
  }
})();
