/// Items kept sorted by their `path` (sessions, stubs, workorders in a snapshot), so that the items
/// of one folder are found by binary search instead of a scan: a live update costs what changed,
/// not what the workspace holds.
public protocol PathKeyed {
    var path: String { get }
}

extension Session: PathKeyed {}
extension Stub: PathKeyed {}
extension Workorder: PathKeyed {}

extension Array where Element: PathKeyed {
    /// The first index whose path is not less than `path`.
    public func lowerBound(path: String) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle].path < path { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The index of the item at exactly `path` (binary search; a linear look when the array was
    /// built unsorted, as tests sometimes do).
    public func index(ofPath path: String) -> Int? {
        let found = lowerBound(path: path)
        if found < count && self[found].path == path { return found }
        return firstIndex { $0.path == path }
    }

    /// The index of the item at exactly `path`, by binary search only (the array must be sorted).
    public func sortedIndex(ofPath path: String) -> Int? {
        let found = lowerBound(path: path)
        return found < count && self[found].path == path ? found : nil
    }

    /// Indices of the item at `folder` itself and of everything below it (`folder/...`), ascending.
    public func indices(inFolder folder: String) -> [Int] {
        var result: [Int] = []
        let exact = lowerBound(path: folder)
        if exact < count && self[exact].path == folder { result.append(exact) }
        let prefix = folder + "/"
        var index = lowerBound(path: prefix)
        while index < count && self[index].path.hasPrefix(prefix) {
            result.append(index)
            index += 1
        }
        return result
    }

    /// Replaces the items of `folder` with `fresh`: in place when the same paths come back (nothing
    /// moves, so indices held elsewhere stay valid), else by removing and inserting in order.
    /// Returns true when items were added or removed.
    public mutating func replace(inFolder folder: String, with fresh: [Element], keep: (Element, inout Element) -> Void = { _, _ in }) -> Bool {
        let old = indices(inFolder: folder)
        let sortedFresh = fresh.sorted { $0.path < $1.path }
        if old.count == sortedFresh.count && zip(old, sortedFresh).allSatisfy({ self[$0.0].path == $0.1.path }) {
            for (index, item) in zip(old, sortedFresh) {
                var item = item
                keep(self[index], &item)
                self[index] = item
            }
            return false
        }
        for index in old.reversed() { remove(at: index) }
        for item in sortedFresh { insert(item, at: lowerBound(path: item.path)) }
        return true
    }
}
