// ngvh web chat: posts to /api/ask/stream, shows the answer as the model writes it, then replaces it with the
// final checked answer and its citations as expandable quotes (/api/ask when the browser cannot stream).
// Everything from the server goes in through textContent or text nodes, never parsed as HTML.
"use strict";
(function () {
  const form = document.getElementById("ask");
  const input = document.getElementById("question");
  const button = document.getElementById("send");
  const log = document.getElementById("log");
  const status = document.getElementById("status");

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function viDate(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
    return m ? `${m[3]}/${m[2]}/${m[1]}` : iso || "";
  }

  // one conversation per tab (follow-up questions refer to it); one anonymous id per browser (for "xóa")
  function newId() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") return window.crypto.randomUUID();
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }
  function stored(storage, key) {
    try {
      let value = storage.getItem(key);
      if (!value) { value = newId(); storage.setItem(key, value); }
      return value;
    } catch (e) { return newId(); }  // storage disabled: a conversation per page load
  }
  let conversation = stored(window.sessionStorage, "ngvh-conversation");
  const visitor = stored(window.localStorage, "ngvh-visitor");

  // the passage on its plan's page: found by its quote, marked, scrolled to (#cited)
  function citationLink(c) {
    if (!c.plan_id) return null;
    const quote = (c.quote || "").slice(0, 300);
    return "/plans/" + encodeURIComponent(c.plan_id) + (quote ? "?q=" + encodeURIComponent(quote) + "#cited" : "");
  }

  function citationLabel(c) {
    return [c.plan || c.title || c.source, c.issuer, viDate(c.date)].filter(Boolean).join(" · ");
  }

  const BUSY_TEXT = "Xin lỗi, hệ thống đang bận. Vui lòng thử lại.";
  const OFFLINE_TEXT = "Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.";
  const CUT_TEXT = "Kết nối bị gián đoạn khi đang trả lời. Vui lòng thử lại.";

  let pending = null;  // the bubble the streamed text goes into, until the final answer replaces it

  // the final answer (or an error) takes the streamed bubble's place, or comes last in the log
  function place(item) {
    if (pending && pending.parentNode === log) log.replaceChild(item, pending);
    else log.appendChild(item);
    pending = null;
    item.scrollIntoView({ block: "start", behavior: "smooth" });
  }

  function showDelta(text) {
    if (!pending) {
      pending = el("li", "msg bot streaming");
      pending.setAttribute("aria-busy", "true");  // read out once, when the final answer replaces it
      pending.appendChild(el("div", "answer"));
      log.appendChild(pending);
      pending.scrollIntoView({ block: "start", behavior: "smooth" });
      status.textContent = "Đang viết câu trả lời…";
    }
    pending.firstChild.appendChild(document.createTextNode(text));
  }

  function showError(message) {
    place(el("li", "msg bot error", message));
  }

  function renderAnswer(data) {
    const item = el("li", "msg bot");
    if (data.understood) item.appendChild(el("div", "understood", "↪ Hiểu là: " + data.understood));
    item.appendChild(el("div", "answer", data.answer));
    const cites = data.citations || [];
    if (cites.length) {
      const box = el("section", "sources");
      box.setAttribute("aria-label", "Nguồn trích dẫn");
      box.appendChild(el("h2", null, "Nguồn"));
      for (const c of cites) {
        const d = el("details", "citation");
        const s = el("summary", null, `[${c.n}] ${citationLabel(c)}`);
        // a newer stored document replaces the cited one: said where the source is named, as on every channel
        if (c.replaced_by) s.appendChild(el("span", "replaced", ` (đã được thay thế bởi ${c.replaced_by})`));
        d.appendChild(s);
        if (c.title) d.appendChild(el("div", "meta", c.title));
        if (c.section) d.appendChild(el("div", "meta", `Mục: ${c.section}`));
        d.appendChild(el("blockquote", null, c.full_quote || c.quote || ""));
        if (c.source) d.appendChild(el("div", "meta", `Tệp: ${c.source}`));
        const href = citationLink(c);
        if (href) {
          const a = el("a", "open", "Mở đoạn này trong văn bản");
          a.href = href;
          a.target = "_blank";
          a.rel = "noopener";
          d.appendChild(a);
        }
        box.appendChild(d);
      }
      item.appendChild(box);
    }
    // a tasks answer: its agencies' deadlines as a calendar feed the reader's calendar app can subscribe to
    const feeds = Array.isArray(data.calendar) ? data.calendar : [];
    for (const feed of feeds) {
      if (!feed || typeof feed.href !== "string" || feed.href.indexOf("/calendar.ics?") !== 0) continue;
      const a = el("a", "calendar", feeds.length > 1 ? `📅 Thêm vào lịch: ${feed.agency}` : "📅 Thêm vào lịch");
      a.href = feed.href;
      a.title = `Lịch các thời hạn nhiệm vụ của ${feed.agency}${feed.province ? " (" + feed.province + ")" : ""}`;
      item.appendChild(a);
    }
    if (data.answer_id && data.found) item.appendChild(feedbackRow(data.answer_id));  // as Telegram: answers, not refusals
    place(item);
  }

  // 👍/👎 under an answer, recorded in the question log as Telegram's buttons are (/api/feedback)
  const THANKS_TEXT = "Cảm ơn bạn đã góp ý!";
  function feedbackRow(answerId) {
    const row = el("div", "feedback");
    row.setAttribute("role", "group");
    row.setAttribute("aria-label", "Góp ý về câu trả lời");
    const note = el("span", "feedback-note");
    note.setAttribute("role", "status");
    // words beside the icons: a system without an emoji font still shows what each button means
    const buttons = [["up", "👍 Hữu ích", "Câu trả lời hữu ích"], ["down", "👎 Chưa đúng", "Câu trả lời chưa đúng"]].map(([value, text, label]) => {
      const b = el("button", "rate", text);
      b.type = "button";
      b.dataset.value = value;
      b.setAttribute("aria-label", label);
      b.setAttribute("aria-pressed", "false");
      b.addEventListener("click", () => rate(answerId, value, buttons, note));
      return b;
    });
    for (const b of buttons) row.appendChild(b);
    row.appendChild(note);
    return row;
  }

  async function rate(answerId, value, buttons, note) {
    for (const b of buttons) b.disabled = true;
    try {
      const res = await fetch("/api/feedback", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ answer_id: answerId, value, visitor, conversation }),
      });
      let data = null;
      try { data = await res.json(); } catch (e) { data = null; }
      if (res.ok) {
        for (const b of buttons) b.setAttribute("aria-pressed", String(b.dataset.value === value));
        note.textContent = (data && data.message) || THANKS_TEXT;
      } else {
        note.textContent = (data && data.message) || BUSY_TEXT;
      }
    } catch (e) {
      note.textContent = OFFLINE_TEXT;
    } finally {
      for (const b of buttons) b.disabled = false;  // a reader may change their mind: the last tap counts
    }
  }

  function post(path, question) {
    return fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ question, conversation, visitor }),
    });
  }

  async function errorMessage(res) {
    let data = null;
    try { data = await res.json(); } catch (e) { data = null; }
    return (data && data.message) || BUSY_TEXT;
  }

  function canStream() {
    return typeof ReadableStream === "function" && typeof TextDecoder === "function" &&
      typeof Response === "function" && "body" in Response.prototype;
  }

  // the whole answer at once
  async function askPlain(question) {
    const res = await post("/api/ask", question);
    let data = null;
    try { data = await res.json(); } catch (e) { data = null; }
    if (!res.ok || !data) showError((data && data.message) || BUSY_TEXT);
    else renderAnswer(data);
  }

  // one JSON object a line: {"type":"delta","text"}… then {"type":"final","answer"}; false: not streamable here
  async function askStream(question) {
    const res = await post("/api/ask/stream", question);
    if (res.status === 404 || res.status === 405) return false;  // a server without the streaming route
    if (!res.ok) {
      showError(await errorMessage(res));
      return true;
    }
    if (!res.body || typeof res.body.getReader !== "function") return false;
    const reader = res.body.getReader();
    const decoder = new TextDecoder("utf-8");
    let buffer = "";
    let final = null;
    const take = (line) => {
      if (!line.trim()) return;
      let event = null;
      try { event = JSON.parse(line); } catch (e) { return; }
      if (event && event.type === "delta" && typeof event.text === "string") showDelta(event.text);
      else if (event && event.type === "final" && event.answer) final = event.answer;
    };
    try {
      for (;;) {
        const { value, done } = await reader.read();
        buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
        let nl;
        while ((nl = buffer.indexOf("\n")) >= 0) {
          take(buffer.slice(0, nl));
          buffer = buffer.slice(nl + 1);
        }
        if (done) break;
      }
      take(buffer);
    } catch (e) {
      final = null;  // the connection broke mid-answer
    }
    if (final) renderAnswer(final);
    else showError(CUT_TEXT);
    return true;
  }

  async function ask(question) {
    log.appendChild(el("li", "msg user", question));
    button.disabled = true;
    input.setAttribute("aria-busy", "true");
    status.textContent = "Đang tìm câu trả lời…";
    try {
      if (!(canStream() && await askStream(question))) await askPlain(question);
    } catch (e) {
      showError(OFFLINE_TEXT);
    } finally {
      pending = null;
      status.textContent = "";
      button.disabled = false;
      input.removeAttribute("aria-busy");
      input.focus();
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const question = input.value.trim();
    if (!question || button.disabled) return;
    input.value = "";
    ask(question);
  });

  const fresh = document.getElementById("new-conversation");
  if (fresh) {
    fresh.addEventListener("click", () => {
      conversation = newId();
      try { window.sessionStorage.setItem("ngvh-conversation", conversation); } catch (e) { /* kept in memory */ }
      log.replaceChildren();
      status.textContent = "Đã bắt đầu cuộc trò chuyện mới.";
      input.focus();
    });
  }

  const forget = document.getElementById("forget");
  if (forget) {
    forget.addEventListener("click", async () => {
      if (!window.confirm("Xóa các câu hỏi bạn đã gửi từ trình duyệt này?")) return;
      try {
        const res = await fetch("/api/forget", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ visitor, conversation }),
        });
        const data = await res.json();
        status.textContent = res.ok ? `Đã xóa ${data.removed} câu hỏi.` : (data.message || BUSY_TEXT);
      } catch (e) { status.textContent = OFFLINE_TEXT; }
    });
  }

  const privacy = document.getElementById("privacy-days");
  if (privacy) {
    fetch("/api/privacy").then((r) => r.ok ? r.json() : null).then((data) => {
      if (data && data.retention_days) privacy.textContent = String(data.retention_days);
    }).catch(() => {});
  }

  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {  // isComposing: Vietnamese IMEs
      event.preventDefault();
      form.requestSubmit();
    }
  });
})();
