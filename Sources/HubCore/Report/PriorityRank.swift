import Foundation

/// Sort order for priority words: critical, high, medium, low, anything else.
public enum PriorityRank {
    public static func of(_ priority: String?) -> Int {
        switch priority?.lowercased() {
        case "critical", "urgent", "p0": return 0
        case "high", "p1": return 1
        case "medium", "normal", "p2": return 2
        case "low", "p3": return 3
        default: return 4
        }
    }
}
