import Templates

/// The home page.
public struct HomeView: Sendable, TemplateView {
    public var figures: [FigureView]
    public var pages: [LinkView]
    /// Documented against declared entries, per collection.
    public var coverage: BreakdownView?
    /// Status charts per parent entry (actions by status per axis), from `charts_by`.
    public var breakdowns: [BreakdownView] = []
    /// Published figures (`snapshots`), dated and sourced.
    public var snapshots: [StatusView] = []
    /// Documented entries by status, per collection with a status field.
    public var statuses: [StatusView] = []
    /// The newest published figure, which the page leads with.
    public var lead: StatusView?
    /// Indicators counted by progress status, when the model has a series field.
    public var progress: ProgressSummaryView?
    /// The newest closed reporting period, which leads the page when the site has periods.
    public var period: PeriodRowView?

    public static let names: TemplateNames<HomeView> = [
        "lead": .init(\.lead),
        "period": .init(\.period),
        "statuses": .init(\.statuses),
        "figures": .init(\.figures),
        "pages": .init(\.pages),
        "coverage": .init(\.coverage),
        "breakdowns": .init(\.breakdowns),
        "snapshots": .init(\.snapshots),
        "progress": .init(\.progress),
    ]
}

/// A collection as the home page summarises it.
public struct FigureView: Sendable, TemplateView {
    public var title: String
    public var url: String
    public var description: String?
    public var coverage: CoverageView
    public var status: StatusView?
    /// "1 atrasado", linked to the page of the collection's late entries.
    public var late: LinkView?

    public static let names: TemplateNames<FigureView> = [
        "late": .init(\.late),
        "title": .init(\.title),
        "url": .init(\.url),
        "description": .init(\.description),
        "coverage": .init(\.coverage),
        "status": .init(\.status),
    ]
}
