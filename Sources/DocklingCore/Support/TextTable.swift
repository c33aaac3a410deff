/// Columns laid out as docker's CLI lays them out (Go's tabwriter with 3 spaces of
/// padding and, for images, a minimum width of 10); the last column is not padded.
public enum TextTable {
    public static func render(_ rows: [[String]], minimumWidth: Int = 10) -> String {
        guard let columns = rows.map(\.count).max() else { return "" }
        var widths = [Int](repeating: minimumWidth, count: columns)
        for row in rows {
            for (column, cell) in row.enumerated() where column < columns - 1 {
                widths[column] = max(widths[column], cell.count + 3)
            }
        }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(to: widths[column])
            }.joined()
        }.joined(separator: "\n") + "\n"
    }
}
