import SiteLayout

/// The open-data page (`datos/`), in a `DataView`.
extension PageBuilder {
    /// The open-data page (`datos/`), listing every document of the `OpenData` stage.
    public func data() -> PageView {
        let page = paths.localized(DataPaths.dataPage)
        var view = layout(page: page, title: strings["data_title"], description: strings["data_lead"])
        func download(_ title: String, _ path: String) -> DownloadView {
            DownloadView(title: title, url: PagePaths.relative(path, from: page), absolute: paths.absolute(path))
        }
        let sets = model.collections.map { collection in
            DataSetView(
                title: collection.title, coverage: coverage(of: collection),
                csv: download(DataPaths.csv(of: collection), DataPaths.csv(of: collection)),
                json: download(DataPaths.list(of: collection), DataPaths.list(of: collection)),
                schema: download(DataPaths.listSchema(of: collection), DataPaths.listSchema(of: collection)),
                entrySchema: download(DataPaths.entrySchema(of: collection), DataPaths.entrySchema(of: collection)),
                records: DataPaths.fieldTables(of: collection).map { field in
                    download(DataPaths.csv(of: collection, field: field), DataPaths.csv(of: collection, field: field))
                })
        }
        view.data = DataView(
            catalog: download(DataPaths.catalog, DataPaths.catalog),
            catalogSchema: download(DataPaths.catalogSchema, DataPaths.catalogSchema),
            jsonFeed: download(DataPaths.jsonFeed, DataPaths.jsonFeed),
            atomFeed: download(DataPaths.atomFeed, DataPaths.atomFeed),
            dataPackage: download(DataPaths.dataPackage, DataPaths.dataPackage),
            sitemap: download(DataPaths.sitemap, DataPaths.sitemap), sets: sets, version: DataPaths.version)
        return view
    }

    /// The page servers show for a missing URL. It is served at any path, so its links start
}
