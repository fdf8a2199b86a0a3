// ngvh admin page. The token is asked once, kept in this tab's sessionStorage and sent only as an
// Authorization header. Everything citizens typed is put on the page with textContent, never as HTML.
"use strict";

(function () {
  const KEY = "ngvh-admin-token";
  const $ = (id) => document.getElementById(id);
  const SVG = "http://www.w3.org/2000/svg";

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function token() { return sessionStorage.getItem(KEY) || ""; }

  async function api(path, options) {
    const opts = Object.assign({}, options || {});
    opts.headers = Object.assign({}, opts.headers || {}, { Authorization: "Bearer " + token() });
    const response = await fetch(path, opts);
    if (response.status === 401 || response.status === 403) {
      logout("Mã quản trị không đúng hoặc đã hết hiệu lực.");
      throw new Error("unauthorized");
    }
    return response;
  }

  function logout(message) {
    sessionStorage.removeItem(KEY);
    $("console").hidden = true;
    $("logout").hidden = true;
    $("login").hidden = false;
    $("login-error").textContent = message || "";
  }

  async function start() {
    $("login").hidden = true;
    $("console").hidden = false;
    $("logout").hidden = false;
    await Promise.all([loadSummary(), loadPlans(), loadReminders()]);
  }

  // -- reminders: subscriptions per agency and what falls due next ------------------------------------
  function viDate(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
    return m ? m[3] + "/" + m[2] + "/" + m[1] : iso || "";
  }

  async function loadReminders() {
    const response = await api("/admin/reminders");
    if (!response.ok) {
      $("reminder-note").textContent = response.status === 503 ? "Chưa có worker trả lời; thử lại sau." : "";
      return;
    }
    const data = await response.json();
    $("reminder-note").textContent = "Nhắc trước hạn " + data.days + " ngày (NGVH_REMINDER_DAYS), mỗi ngày một lần.";
    fillList($("subscriptions"), data.subscriptions || [], (group) => {
      const li = el("li", group.agency + (group.province ? " (" + group.province + ")" : ""));
      const channels = Object.entries(group.channels || {}).map(([name, n]) => name + ": " + n).join(", ");
      li.appendChild(el("span", group.chats + " cuộc trò chuyện · " + channels, "count"));
      return li;
    }, "Chưa có đăng ký theo dõi nào.");
    const body = $("upcoming").querySelector("tbody");
    body.replaceChildren();
    for (const item of data.upcoming || []) {
      const tr = document.createElement("tr");
      for (const value of [viDate(item.due), viDate(item.remind_on), item.agency + " (" + item.chats + ")", item.task, item.plan]) {
        tr.appendChild(el("td", value));
      }
      body.appendChild(tr);
    }
    if (!(data.upcoming || []).length) {
      const tr = document.createElement("tr");
      const td = el("td", "Không có nhiệm vụ nào của các cơ quan được theo dõi đến hạn trong 60 ngày tới.", "muted");
      td.colSpan = 5;
      tr.appendChild(td);
      body.appendChild(tr);
    }
  }

  // -- questions ------------------------------------------------------------------------------------
  async function loadSummary() {
    const response = await api("/admin/questions/summary?days=30");
    if (!response.ok) return;
    const data = await response.json();
    drawChart(data.per_day || []);
    const answered = (data.per_day || []).reduce((s, d) => s + d.answered, 0);
    const refused = (data.per_day || []).reduce((s, d) => s + d.refused, 0);
    $("totals").textContent = "30 ngày qua: " + answered + " câu trả lời được, " + refused +
      " câu không tìm thấy. Tổng trong nhật ký: " + (data.total || 0) +
      (data.retention_days ? " (lưu " + data.retention_days + " ngày)." : ".");
    fillList($("top"), data.top || [], (item) => {
      const li = el("li", item.question);
      li.appendChild(el("span", "×" + item.count, "count"));
      return li;
    }, "Chưa có câu hỏi.");
    fillList($("refused"), data.refused_groups || [], (group) => {
      const li = el("li", group.label);
      li.appendChild(el("span", "×" + group.count, "count"));
      const others = (group.examples || []).filter((q) => q !== group.label);
      if (others.length) li.appendChild(el("div", "Cũng hỏi: " + others.join(" · "), "examples"));
      return li;
    }, "Không có câu hỏi nào bị từ chối.");
    fillList($("down"), data.thumbs_down || [], (row) => {
      const li = el("li", row.question);
      li.appendChild(el("span", (row.channel || "") + " · " + (row.at || ""), "count"));
      if (row.understood) li.appendChild(el("span", "Hiểu là: " + row.understood, "cites"));
      const cites = (row.citations || []).map((c) => "[" + c.n + "] " + (c.plan || c.plan_id || "") +
        (c.section ? " › " + c.section : "")).join("; ");
      if (cites) li.appendChild(el("span", "Nguồn: " + cites, "cites"));
      return li;
    }, "Chưa có câu trả lời nào bị chấm 👎.");
  }

  function fillList(list, items, make, empty) {
    list.replaceChildren();
    if (!items.length) { list.appendChild(el("li", empty, "muted")); return; }
    items.forEach((item) => list.appendChild(make(item)));
  }

  function drawChart(days) {
    const box = $("chart");
    box.replaceChildren();
    const width = 600, height = 180, bottom = 20;
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    svg.setAttribute("preserveAspectRatio", "none");
    const max = Math.max(1, ...days.map((d) => d.answered + d.refused));
    const step = width / Math.max(days.length, 1);
    days.forEach((d, i) => {
      const x = i * step + step * 0.15, w = step * 0.7;
      const hA = (height - bottom) * d.answered / max, hR = (height - bottom) * d.refused / max;
      const a = document.createElementNS(SVG, "rect");
      a.setAttribute("class", "answered");
      a.setAttribute("x", x); a.setAttribute("width", w);
      a.setAttribute("y", height - bottom - hA); a.setAttribute("height", hA);
      const r = document.createElementNS(SVG, "rect");
      r.setAttribute("class", "refused");
      r.setAttribute("x", x); r.setAttribute("width", w);
      r.setAttribute("y", height - bottom - hA - hR); r.setAttribute("height", hR);
      const title = document.createElementNS(SVG, "title");
      title.textContent = d.day + ": " + d.answered + " trả lời, " + d.refused + " không tìm thấy";
      a.appendChild(title);
      svg.appendChild(a); svg.appendChild(r);
      if (i % 5 === 0 || i === days.length - 1) {
        const t = document.createElementNS(SVG, "text");
        const last = i === days.length - 1;
        t.setAttribute("x", last ? x + w : x); t.setAttribute("y", height - 5);
        if (last) t.setAttribute("text-anchor", "end");
        t.textContent = d.day.slice(5);
        svg.appendChild(t);
      }
    });
    box.appendChild(svg);
    box.dataset.days = String(days.length);
  }

  async function downloadCsv() {
    const response = await api("/admin/questions?format=csv");
    if (!response.ok) return;
    const url = URL.createObjectURL(await response.blob());
    const a = el("a");
    a.href = url;
    a.download = "ngvh-questions.csv";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // -- plans ----------------------------------------------------------------------------------------
  async function loadPlans() {
    const response = await api("/admin/plans");
    if (!response.ok) return;
    const data = await response.json();
    const body = $("plans").tBodies[0];
    body.replaceChildren();
    (data.plans || []).forEach((p) => {
      const tr = el("tr");
      const name = [p.type, p.number].filter(Boolean).join(" ") || p.title || p.source;
      [name, p.type || "", p.province || p.issuer || "", p.date || "", p.chunks].forEach((v) => tr.appendChild(el("td", v)));
      tr.appendChild(el("td", (p.warnings || []).join("; "), (p.warnings || []).length ? "warn" : ""));
      const cell = el("td");
      const fix = el("button", "Sửa", "link");
      fix.type = "button";
      fix.setAttribute("aria-label", "Sửa thông tin " + name);
      fix.addEventListener("click", () => editPlan(tr, p, name));
      cell.appendChild(fix);
      const remove = el("button", "Xóa", "danger");
      remove.type = "button";
      remove.setAttribute("aria-label", "Xóa " + name);
      remove.addEventListener("click", () => removePlan(p.id, name));
      cell.appendChild(remove);
      tr.appendChild(cell);
      body.appendChild(tr);
    });
  }

  const STATES = { queued: "đang chờ", running: "đang nạp", done: "xong", failed: "lỗi" };

  function summarize(report) {
    const counts = report && report.counts ? Object.entries(report.counts).filter((kv) => kv[1])
      .map((kv) => kv[0] + " " + kv[1]).join(", ") : "";
    const warned = (report && report.files || []).filter((f) => (f.warnings || []).length).length;
    return (counts || "đã nhận") + (warned ? " — " + warned + " tệp có cảnh báo" : "");
  }

  async function followJob(path, names) {
    const bar = $("progress");
    for (let i = 0; i < 600; i++) {
      const response = await api(path);
      if (!response.ok) break;
      const job = await response.json();
      const files = (job.files || names || []).join(", ");
      $("upload-status").textContent = "Nạp " + files + ": " + (STATES[job.state] || job.state) +
        (job.state === "done" ? " — " + summarize(job.report) : job.state === "failed" ? " — " + (job.error || "") : "");
      if (job.state === "done" || job.state === "failed") { bar.hidden = true; return; }
      bar.removeAttribute("value");  // indeterminate while the worker parses and embeds
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }

  // a wrongly read number, date, signer or province: corrected now and at every re-ingest of the file
  function editPlan(row, plan, name) {
    const next = row.nextElementSibling;
    if (next && next.classList.contains("edit")) { next.remove(); return; }
    const tr = el("tr", null, "edit");
    const td = el("td");
    td.colSpan = 7;
    const form = el("form", null, "row");
    const fields = [["number", "Số hiệu", plan.number], ["date", "Ngày ban hành (DD/MM/YYYY)", plan.date],
      ["signer", "Người ký", plan.signer], ["province", "Tỉnh/TP", plan.province]];
    fields.forEach(([key, label, value]) => {
      const id = "fix-" + key + "-" + plan.id;
      const l = el("label", label);
      l.htmlFor = id;
      const input = el("input");
      input.id = id;
      input.name = key;
      input.value = value || "";
      form.appendChild(l);
      form.appendChild(input);
    });
    const save = el("button", "Lưu");
    save.type = "submit";
    form.appendChild(save);
    const note = el("span", "", "muted");
    form.appendChild(note);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const body = {};
      fields.forEach(([key, , value]) => {
        const v = form.elements[key].value.trim();
        if (v && v !== (value || "")) body[key] = v;
      });
      if (!Object.keys(body).length) { note.textContent = "Không có gì thay đổi."; return; }
      const response = await api("/admin/plans/" + encodeURIComponent(plan.id) + "/corrections", {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
      });
      let data = {};
      try { data = await response.json(); } catch (e) { data = {}; }
      if (!response.ok) { note.textContent = "Không lưu được: " + (data.detail || response.status); return; }
      $("upload-status").textContent = "Đã sửa " + name + ".";
      await loadPlans();
    });
    td.appendChild(form);
    tr.appendChild(td);
    row.after(tr);
  }

  async function removePlan(id, name) {
    if (!window.confirm("Xóa " + name + " khỏi kho?")) return;
    const response = await api("/admin/plans/" + encodeURIComponent(id), { method: "DELETE" });
    $("upload-status").textContent = response.ok ? "Đã xóa " + name + "." : "Không xóa được " + name + ".";
    await loadPlans();
  }

  function upload(event) {
    event.preventDefault();
    const files = $("files").files;
    if (!files.length) return;
    const names = Array.from(files).map((f) => f.name);
    const form = new FormData();
    Array.from(files).forEach((f) => form.append("file", f, f.name));
    const xhr = new XMLHttpRequest();
    const bar = $("progress");
    bar.hidden = false;
    bar.value = 0;
    $("upload-status").textContent = "Đang tải lên…";
    xhr.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable) bar.value = Math.round(100 * e.loaded / e.total);
    });
    xhr.upload.addEventListener("load", () => { $("upload-status").textContent = "Đã tải lên, đang nạp…"; });
    xhr.addEventListener("load", async () => {
      bar.value = 100;
      if (xhr.status === 401 || xhr.status === 403) { logout("Mã quản trị không đúng."); return; }
      let report = {};
      try { report = JSON.parse(xhr.responseText); } catch (e) { report = {}; }
      $("files").value = "";
      if (xhr.status === 202 && report.status) {  // a background ingest: follow its job until it is done
        await followJob(report.status, names);
      } else {
        $("upload-status").textContent = xhr.status < 300 || xhr.status === 422
          ? "Kết quả nạp: " + summarize(report)
          : "Nạp không thành công (" + xhr.status + "): " + (report.detail || "");
      }
      await loadPlans();
    });
    xhr.addEventListener("error", () => { $("upload-status").textContent = "Lỗi mạng khi tải lên."; });
    xhr.open("POST", "/admin/plans");
    xhr.setRequestHeader("Authorization", "Bearer " + token());
    xhr.send(form);
  }

  // -- start ----------------------------------------------------------------------------------------
  document.addEventListener("DOMContentLoaded", () => {
    $("login").addEventListener("submit", async (event) => {
      event.preventDefault();
      sessionStorage.setItem(KEY, $("token").value.trim());
      $("token").value = "";
      try { await start(); } catch (e) { /* logout() already said why */ }
    });
    $("logout").addEventListener("click", () => logout(""));
    $("csv").addEventListener("click", () => downloadCsv().catch(() => {}));
    $("upload").addEventListener("submit", upload);
    if (token()) start().catch(() => {});
  });
})();
