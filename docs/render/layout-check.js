// Runs in the page after import: what a reader would see as broken in a diagram's layout.
// Advice only (render.mjs prints it and still writes the picture).
function layoutNotes(viewer, band) {
	const notes = [];
	const all = viewer.get('elementRegistry').getAll();

	// Flow nodes on top of each other (a boundary event on its host and a node inside a sub-process are meant).
	const nodes = all.filter((e) => !e.waypoints && e.type !== 'label' && e.parent
		&& !/Participant|Lane|Process|Collaboration/.test(e.type));
	const inside = (a, b) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
	// Whether the segment p-q passes through the rectangle r (Liang-Barsky clipping).
	const crosses = (p, q, r) => {
		let [t0, t1] = [0, 1];
		const d = { x: q.x - p.x, y: q.y - p.y };
		for (const [v, lo, hi] of [[d.x, r.x - p.x, r.x + r.width - p.x], [d.y, r.y - p.y, r.y + r.height - p.y]]) {
			if (v === 0) { if (lo > 0 || hi < 0) return false; continue; }
			const [a, b] = [lo / v, hi / v].sort((m, n) => m - n);
			[t0, t1] = [Math.max(t0, a), Math.min(t1, b)];
			if (t0 > t1) return false;
		}
		return true;
	};
	const hit = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
	for (let i = 0; i < nodes.length; i++) {
		for (let j = i + 1; j < nodes.length; j++) {
			const [a, b] = [nodes[i], nodes[j]];
			if (a.host === b || b.host === a || inside(a, b) || inside(b, a)) continue;
			if (hit(a, b)) notes.push(`${a.id} overlaps ${b.id}`);
		}
	}
	// Labels: the corners of a gateway's or event's bounding box are empty.
	const round = (n) => /Gateway|Event/.test(n.type);
	const shrink = (b, d) => ({ x: b.x + d, y: b.y + d, width: b.width - 2 * d, height: b.height - 2 * d });
	const flows = all.filter((e) => e.waypoints);
	for (const label of all.filter((e) => e.type === 'label')) {
		const target = label.labelTarget;
		for (const n of nodes) {
			if (n !== target && !inside(label, n) && hit(shrink(label, 2), round(n) ? shrink(n, n.width * 0.15) : n)) notes.push(`label of ${target.id} overlaps ${n.id}`);
		}
		for (const f of flows) {
			if (f !== target && f.waypoints.some((p, k) => k && crosses(p, f.waypoints[k - 1], shrink(label, 2)))) {
				notes.push(`label of ${target.id} is crossed by ${f.id}`);
			}
		}
	}
	// Empty bands, across the whole diagram and inside each expanded sub-process (where the rest of
	// the diagram may hide one). A line crossing a band leaves it empty to the eye; one along it does not.
	const container = (e) => /SubProcess|Transaction|Participant|Lane/.test(e.type) && e.children && e.children.length;
	const within = (c) => c.children.flatMap((e) => [e, ...(container(e) ? within(e) : [])]).concat(c.attachers || []);
	const found = emptyBands(all.filter((e) => e.parent), band).map((b) => ({ ...b, scope: '' }));
	for (const c of all.filter((e) => e.parent && container(e))) {
		const edges = { y: [[c.y, c.y + 30], [c.y + c.height, c.y + c.height]], x: [[c.x, c.x], [c.x + c.width, c.x + c.width]] };
		for (const b of emptyBands(within(c), band, edges)) {
			if (!found.some((f) => f.axis === b.axis && f.from <= b.from && b.to <= f.to)) found.push({ ...b, scope: `inside ${c.id}: ` });
		}
	}
	for (const b of found) {
		notes.push(`${b.scope}nothing between ${b.axis}=${Math.round(b.from)} and ${b.axis}=${Math.round(b.to)} (${Math.round(b.to - b.from)} px)`);
	}
	return notes;
}

function emptyBands(elements, band, edges = { y: [], x: [] }) {
	const spans = { y: [...edges.y], x: [...edges.x] };
	for (const e of elements) {
		if (e.waypoints) {
			e.waypoints.forEach((p, k) => {
				const q = e.waypoints[k + 1];
				if (!q) return;
				if (p.x !== q.x) spans.y.push([Math.min(p.y, q.y), Math.max(p.y, q.y)]);
				if (p.y !== q.y) spans.x.push([Math.min(p.x, q.x), Math.max(p.x, q.x)]);
			});
		} else if (/SubProcess|Transaction|Participant|Lane/.test(e.type) && e.children && e.children.length) {
			spans.y.push([e.y, e.y + 30], [e.y + e.height, e.y + e.height]);
			spans.x.push([e.x, e.x], [e.x + e.width, e.x + e.width]);
		} else {
			spans.y.push([e.y, e.y + e.height]);
			spans.x.push([e.x, e.x + e.width]);
		}
	}
	const bands = [];
	for (const axis of ['y', 'x']) {
		const s = spans[axis].sort((a, b) => a[0] - b[0]);
		let reach = s.length ? s[0][1] : 0;
		for (const [from, to] of s.slice(1)) {
			if (from - reach >= band) bands.push({ axis, from: reach, to: from });
			reach = Math.max(reach, to);
		}
	}
	return bands;
}
