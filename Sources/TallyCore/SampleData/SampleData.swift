/// The built-in sample data tally loads when started with no file.
public enum SampleData {
    public static let name = "sample"
}
