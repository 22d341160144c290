extension SampleData {
    public static let lineItemsTSV = #"""
doc	district	dept	year	table	code	name	column	amount	line
001_x	綦江	重庆市綦江区社会保险事务中心	2025	expenditure	20801	人力资源和社会保障管理事务	basic	2466.59	205
"""#
}
