import Foundation

/// `sessions-hub status --line`: one short line for tmux's `status-right` or a shell prompt, e.g.
/// `3 active · 1 blocked · 2 need you`.
public enum StatusLine {
    public static func render(_ snapshot: WorkspaceSnapshot, now: Date, policy: EvidencePolicy) -> String {
        let live = snapshot.sessions.filter { !$0.archived }
        let active = live.filter { $0.parent == nil && !$0.derivedStatus.isFinished }.count
        var blocked = 0, failed = 0
        for session in live {
            for agent in session.everyone {
                if agent.status.bucket == .blocked { blocked += 1 }
                if agent.status.bucket == .failed { failed += 1 }
            }
        }
        let attention = Evidence.attention(snapshot, now: now, policy: policy)
        let needs = Set(attention.map(\.session)).count
        let waiting = attention.filter { $0.reason == .waiting }.count
        var parts = ["\(active) active"]
        if waiting > 0 { parts.append("\(waiting) waiting on you") }
        if blocked > 0 { parts.append("\(blocked) blocked") }
        if failed > 0 { parts.append("\(failed) failed") }
        parts.append(needs == 0 ? "nothing needs you" : "\(needs) need\(needs == 1 ? "s" : "") you")
        return parts.joined(separator: " · ")
    }
}
