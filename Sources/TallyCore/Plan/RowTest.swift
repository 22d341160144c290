/// Which rows a query reads, decided once: each `where` condition with its meaning read
/// (`ConditionMeaning`), each target with the table it reads by default, the default column,
/// the columns `by` names, and each document's own year and phase (§3). It is still in the
/// statement's terms — values, patterns, ids — so the planner binds it to the store
/// (`RowFilter`) and the SQL emitter writes it out; neither decides again what it means.
indirect enum RowTest: Sendable {
    /// A `where` condition; `operand` is where a note that nothing matched points.
    case condition(ConditionMeaning, operand: SourceRange)
    /// A target code pattern (`sum 208*`), and the table it reads unless the statement says.
    case target(CodePattern, table: TableID?, range: SourceRange)
    /// Rows of any of these tables, or of any of these columns.
    case tables([TableID])
    case columns([ColumnID])
    /// A figure for its document's own year (`year == budget_year`), or of its own phase.
    case ownYear
    case ownPhase
    case not(RowTest)
    case and([RowTest])
    case or([RowTest])
}
