import Foundation
import HubCore

/// The detail pane for a far row: which remote, how its link stands, and what its summary says of
/// the session or stub — with what needs the person there, worst first.
enum RemoteDetailView {
    static func draw(_ canvas: inout Canvas, _ state: AppState, _ detail: RemoteDetail, inner: Rect, keymap: Keymap) {
        let glyphs = state.glyphs
        var writer = LineWriter(canvas: canvas, area: inner, glyphs: glyphs)
        writer.line([(detail.name, .title)])
        if let view = state.remotes.first(where: { $0.name == detail.remoteName }) {
            if view.reachable || view.connecting {
                let (text, role) = ListPane.linkState(view, now: state.now, glyphs: glyphs)
                writer.line([("@" + detail.remoteName + " ", .accent), (text, role)])
            } else {
                // Down: when and why, whole, and that what follows is its last good state.
                writer.line([("@" + detail.remoteName + " ", .accent), ("unreachable" + (view.since.map { " since " + Timestamp.short($0) } ?? ""), .error)])
                if let error = view.error { writer.wrapped(error, role: .error, maxLines: 3, indent: 2) }
                writer.line([("  as last seen; it reconnects by itself", .muted)])
            }
        }
        if let session = detail.session {
            var facts = [session.status.rawValue.replacingOccurrences(of: "_", with: " ")]
            if let phase = session.phase { facts.append("phase \(phase)") }
            facts.append("\(session.agentsComplete)/\(session.agentsTotal) agents complete")
            if session.working { facts.append("at work") }
            writer.line([(glyphs.status(session.status) + " ", .bucket(session.status)), (facts.joined(separator: " · "), .muted)])
            writer.blank()
            drawAgents(&writer, state, detail)
            if !detail.items.isEmpty {
                writer.line([("Needs you", .header)])
                for item in detail.items {
                    let mark = item.reason.map { ListPane.mark($0, glyphs: glyphs) } ?? (glyph: glyphs.warning, role: StyleRole.warning)
                    var text = (item.reason?.word ?? item.reasonWord) + (item.agent.map { " " + $0 } ?? "")
                    if let note = item.note { text += ": " + note }
                    if let since = item.since { text += " (" + Cells.age(from: since, now: state.now) + ")" }
                    writer.line([("  " + mark.glyph + " ", mark.role), (text, .text)])
                }
                writer.blank()
            }
        } else if let stub = detail.stub {
            var facts = [stub.status.rawValue.replacingOccurrences(of: "_", with: " ")]
            if let priority = stub.priority { facts.append(priority) }
            facts.append("\(stub.agents) agent\(stub.agents == 1 ? "" : "s")")
            writer.line([(glyphs.status(stub.status) + " ", .bucket(stub.status)), (facts.joined(separator: " · "), .muted)])
            writer.blank()
        }
        writer.line([("Path there  ", .muted), (detail.path, .text)])
        canvas = writer.canvas
    }

    /// Its agents as the far side read them (Enter): status, what each is doing, its note; the
    /// selected one highlighted while the pane has the focus.
    static func drawAgents(_ writer: inout LineWriter, _ state: AppState, _ detail: RemoteDetail) {
        let glyphs = state.glyphs
        guard let agents = detail.agents else {
            writer.line([("Enter", .key), (" reads its agents from @\(detail.remoteName)", .muted)])
            writer.blank()
            return
        }
        writer.line([("Agents", .header), ("  d dispatch · m/M status · z/x triage · g its pane", .muted)])
        let idWidth = min(18, max(6, agents.map { DisplayWidth.of($0.id) }.max() ?? 6))
        for (index, agent) in agents.enumerated() {
            let glyph = agent.isOrchestrator ? glyphs.orchestrator : glyphs.status(agent.bucket)
            var spans: [(String, StyleRole)] = [(glyph + " ", agent.isOrchestrator ? .accent : .bucket(agent.bucket)),
                                                (TextFit.pad(agent.id, idWidth) + " ", .text),
                                                (TextFit.pad(agent.status ?? "no status", 12) + " ", .bucket(agent.bucket))]
            if let activity = agent.activity {
                let waiting = activity.hasPrefix(Activity.State.waiting.rawValue)
                spans.append(((waiting ? glyphs.waiting : activity == Activity.State.working.rawValue ? glyphs.working : "·") + " " + activity + " ", waiting ? .warning : .muted))
            }
            if let note = agent.note ?? agent.activityDetail { spans.append((note, .muted)) }
            let y = writer.y
            writer.line(spans)
            if state.focus == .detail && index == state.agentIndex && y < writer.area.maxY {
                writer.canvas.paint(Rect(x: writer.area.x, y: y, width: writer.area.width, height: 1), role: state.overlay == nil ? .selection : .selectionDim)
            }
        }
        writer.blank()
    }
}
