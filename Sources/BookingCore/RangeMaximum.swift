/// The largest of a run of numbers in constant time, after O(n log n) preparation
/// (a sparse table). Availability asks it for the peak booking count of each day.
struct RangeMaximum {
    /// `rows[k][i]` is the largest of the 2^k values starting at index i.
    private var rows: [[Int]]

    init(_ values: [Int]) {
        rows = [values]
        var width = 1
        while width * 2 <= values.count {
            let previous = rows[rows.count - 1]
            let row = (0...(values.count - width * 2)).map { start in
                Swift.max(previous[start], previous[start + width])
            }
            rows.append(row)
            width *= 2
        }
    }

    /// The largest value at the indices of `range`, which must be valid and non-empty.
    func maximum(in range: ClosedRange<Int>) -> Int {
        let length = range.count
        let level = Int.bitWidth - 1 - length.leadingZeroBitCount
        let width = 1 << level
        return Swift.max(rows[level][range.lowerBound], rows[level][range.upperBound + 1 - width])
    }
}
