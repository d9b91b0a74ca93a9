namespace Connect.Api.OpenApi;

internal static partial class OperationDocs
{
    private static readonly QueryParameter AsOf = QueryParameter.Text("asOf",
        "An RFC 3339 instant in the past: the answer exactly as it was then, rebuilt from the change log (strong ETag that never changes).");

    private static QueryParameter OfferingSort() => QueryParameter.Choice("sort", "Sort key; a leading `-` sorts descending.", "name",
        "name", "-name", "createdAt", "-createdAt", "updatedAt", "-updatedAt", "netPrice", "-netPrice");

    private static QueryParameter[] OfferingListFilters() =>
    [
        QueryParameter.Many("type", "Only offerings whose product has one of these types.", "ProductType"),
        QueryParameter.Many("category", "Only offerings whose product has one of these categories.", "ProductCategory"),
        QueryParameter.Of("customerType", "Whose offerings (default: the key's customer type).", "CustomerType"),
        QueryParameter.Choice("status", "Which offerings by status.", "AVAILABLE", "AVAILABLE", "ARCHIVED", "ALL"),
    ];

    private static IEnumerable<KeyValuePair<string, OperationDoc>> CatalogReads()
    {
        yield return Op("GET /product-offerings/{productOfferingId}", new("getProductOffering", "Get a product offering",
            "One offering, AVAILABLE or ARCHIVED (archived offerings stay readable for existing subscriptions). "
            + "With `asOf`, exactly what this read answered at that instant (404 if it did not exist then).")
        {
            Query = [QueryParameter.PromoCode, AsOf], Tagged = true, Example = Examples.Offering,
            Problems = Problems((422, "`promoCode` is unknown, expired, not yet valid or deactivated (`promo_code_invalid`, with `reason`).")),
        });
        yield return Op("GET /product-offerings", new("listProductOfferings", "List product offerings",
            "Offerings, filtered, sorted and paged. Without `customerType`, the key's own customer type is listed. "
            + "`type` and `category` repeat (`?type=SUBSCRIPTION&type=LICENSE`); `types` and `categories` are accepted as aliases. "
            + "With `asOf`, exactly the page this read answered at that instant (an empty page before any offering existed), "
            + "with a strong `ETag` that `If-None-Match` answers with 304.")
        {
            Query =
            [
                .. OfferingListFilters(),
                QueryParameter.Text("productOfferingGroupId", "Only offerings of this group."),
                QueryParameter.PromoCode,
                .. QueryParameter.Paging,
                OfferingSort(),
                AsOf,
            ],
            Problems = Problems((422, "`promoCode` is unknown, expired, not yet valid or deactivated (`promo_code_invalid`, with `reason`).")),
        });
        yield return Op("GET /product-catalogs/default", new("getDefaultProductCatalog", "Get the default catalog for the caller",
            "The catalog marked default for the key's customer context: first the default for (customerType, locale), then for "
            + "(customerType, language of the locale), then for (customerType, any locale). Only AVAILABLE offerings of that "
            + "customer type are listed. `Accept-Language` overrides the key's locale for this request. "
            + "With `asOf`, the catalog that was the default then, as it read then.")
        {
            Query = [QueryParameter.PromoCode, AsOf], Tagged = true, Localized = true, Example = Examples.Catalog,
            Problems = Problems((404, "No catalog is the default for the caller's customer context."),
                (422, "`promoCode` is unknown, expired, not yet valid or deactivated (`promo_code_invalid`, with `reason`).")),
        });
        yield return Op("GET /product-catalogs/{productCatalogId}", new("getProductCatalog", "Get a product catalog",
            "A catalog with its AVAILABLE offerings of the catalog's customer type and its groups. "
            + "With `asOf`, exactly what this read answered at that instant (404 if it did not exist then).")
        {
            Query = [QueryParameter.PromoCode, AsOf], Tagged = true, Example = Examples.Catalog,
            Problems = Problems((422, "`promoCode` is unknown, expired, not yet valid or deactivated (`promo_code_invalid`, with `reason`).")),
        });
        yield return Op("GET /product-catalogs/{productCatalogId}/diff", new("diffProductCatalog", "Compare a catalog between two instants",
            "Offerings added, removed (as they were at `from`) and changed (fields and both representations), and the catalog's own "
            + "changed fields, as the catalog answered at `from` and at `to`. Applying it to the catalog at `from` gives the catalog at `to`.")
        {
            Query =
            [
                QueryParameter.Text("from", "The earlier instant (RFC 3339, required, not in the future)."),
                QueryParameter.Text("to", "The later instant (RFC 3339; default: now)."),
            ],
        });
        yield return Op("GET /product-catalogs", new("listProductCatalogs", "List product catalogs",
            "Catalogs, paged, without their offerings.") { Query = QueryParameter.Paging });
        yield return Op("GET /product-offering-groups", new("listProductOfferingGroups", "List product offering groups",
            "Groups, full form, paged.") { Query = QueryParameter.Paging });
        yield return Op("GET /product-offering-groups/{productOfferingGroupId}", new("getProductOfferingGroup", "Get a product offering group",
            "One group, full form.") { Tagged = true });
        yield return Op("GET /product-offering-groups/{productOfferingGroupId}/offerings", new("listProductOfferingGroupOfferings",
            "List a group's product offerings",
            "The offerings of one group, with the filters, sort and paging of `GET /product-offerings` (without `customerType`, the key's own "
            + "customer type is listed). The path's group replaces any `productOfferingGroupId` filter. With `asOf`, the page as it read at "
            + "that instant, with a strong `ETag`.")
        {
            Query = [.. OfferingListFilters(), QueryParameter.PromoCode, .. QueryParameter.Paging, OfferingSort(), AsOf],
            Problems = Problems((404, "The group does not exist."),
                (422, "`promoCode` is unknown, expired, not yet valid or deactivated (`promo_code_invalid`, with `reason`).")),
        });
        yield return Op("GET /product-offerings/{productOfferingId}/status-history", new("getProductOfferingStatusHistory",
            "Get an offering's status history",
            "The offering's status changes, oldest first. Creation is the first entry; archive and restore append one each.") { Tagged = true });
        yield return Op("GET /changes", new("listChanges", "Read the change log",
            "Every committed change to a product, group, offering, catalog or promo code, oldest first, as one ordered log. "
            + "Pass the last page's `nextCursor` as `after` to read on: a reader that always does sees every change exactly once. "
            + "`nextCursor` is on every page, an empty one included. Promo code entries are shown only to keys holding `pricing:write`.")
        {
            Query =
            [
                QueryParameter.Text("after", "A `nextCursor` from an earlier page; absent = from the first change ever."),
                QueryParameter.Int("limit", "Page size.", 1, 1000, 100),
                QueryParameter.ManyOf("resourceType", "Only changes of these resource types (`resourceTypes` is an alias).",
                    "product", "productOfferingGroup", "productOffering", "productCatalog", "promoCode"),
                QueryParameter.Text("resourceId", "One resource's history (needs exactly one `resourceType`)."),
                QueryParameter.Int("wait", "Long poll: when nothing follows `after`, wait up to this many seconds for a change.", 0, 30, 0),
            ],
        });
    }

    private static IEnumerable<KeyValuePair<string, OperationDoc>> CatalogWrites()
    {
        const string Exists = "A resource with this id exists already.";
        yield return Op("POST /products", new("createProduct", "Create a product",
            "A product: what is sold (type, category, features, requirements). Supply `productId` or let the server make one.")
        { Tagged = true, Problems = Problems((409, Exists)) });
        yield return Op("GET /products/{productId}", new("getProduct", "Get a product", "One product.") { Tagged = true });
        yield return Op("PATCH /products/{productId}", new("updateProduct", "Update a product",
            "Changes a product; every offering embedding it shows the change. " + Merge)
        { Tagged = true, Conditional = true, PatchOf = "CreateProduct" });
        yield return Op("POST /product-offering-groups", new("createProductOfferingGroup", "Create a product offering group",
            "A group of offerings shown together (a catalog lists groups).") { Tagged = true, Problems = Problems((409, Exists)) });
        yield return Op("PATCH /product-offering-groups/{productOfferingGroupId}", new("updateProductOfferingGroup",
            "Update a product offering group", "Changes a group. " + Merge)
        { Tagged = true, Conditional = true, PatchOf = "CreateOfferingGroup" });
        yield return Op("POST /product-offerings", new("createProductOffering", "Create a product offering",
            "A product plus its price, created AVAILABLE. `netPrice` is computed (`grossPrice − discount`).")
        { Tagged = true, Problems = Problems((409, Exists)), Example = Examples.Offering });
        yield return Op("PATCH /product-offerings/{productOfferingId}", new("updateProductOffering", "Update a product offering",
            "Changes an offering. Changing `customerType` while a catalog of the old type lists it is a 409 naming those catalogs. " + Merge)
        {
            Tagged = true, Conditional = true, PatchOf = "CreateOffering",
            Problems = Problems((409, "`customerType` changes while catalogs of the old type list the offering.")),
        });
        yield return Op("POST /product-offerings/{productOfferingId}/archive", new("archiveProductOffering", "Archive a product offering",
            "AVAILABLE → ARCHIVED, with a `reason` (required); appends a status history entry. The offering stays readable. "
            + "With `effectiveAt` (a future instant) in the body, answers 202 with a scheduled change instead. "
            + "With `dryRun=true`, answers what the archive would do (catalogs, promo codes, stranded add-ons) and changes nothing.")
        {
            Tagged = true, Conditional = true, Problems = Problems((409, "The offering is archived already.")),
            Query = [QueryParameter.Choice("dryRun", "`true`: report the impact, change nothing.", "false", "true", "false")],
        });
        yield return Op("POST /product-offerings/{productOfferingId}/restore", new("restoreProductOffering", "Restore a product offering",
            "ARCHIVED → AVAILABLE, with an optional `reason`; appends a status history entry. "
            + "With `effectiveAt` (a future instant) in the body, answers 202 with a scheduled change instead.")
        { Tagged = true, Conditional = true, Problems = Problems((409, "The offering is available already.")) });
        yield return Op("GET /scheduled-changes", new("listScheduledChanges", "List scheduled changes",
            "Scheduled archives and restores, soonest first, paged.")
        {
            Query =
            [
                QueryParameter.Text("state", "Only changes in this state: `PENDING`, `DONE`, `CANCELLED` or `FAILED` (default: all)."),
                QueryParameter.Text("productOfferingId", "Only changes of this offering."),
                .. QueryParameter.Paging,
            ],
        });
        yield return Op("GET /scheduled-changes/{scheduledChangeId}", new("getScheduledChange", "Get a scheduled change",
            "One scheduled archive or restore, with its state (and why it FAILED, if it did).") { Tagged = true });
        yield return Op("POST /scheduled-changes/{scheduledChangeId}/cancel", new("cancelScheduledChange", "Cancel a scheduled change",
            "A PENDING change is CANCELLED and never happens.") { Problems = Problems((409, "The change is not PENDING any more.")) });
        yield return Op("POST /product-catalogs", new("createProductCatalog", "Create a product catalog",
            "A catalog lists offerings and groups of one customer type. Marking it `isDefault` takes the mark from the catalog "
            + "that had it for the same (customerType, locale), in the same transaction.")
        { Tagged = true, Problems = Problems((409, Exists)) });
        yield return Op("PATCH /product-catalogs/{productCatalogId}", new("updateProductCatalog", "Update a product catalog",
            "Changes a catalog (its offerings, groups, default mark, ...). " + Merge)
        { Tagged = true, Conditional = true, PatchOf = "CreateCatalog" });
    }
}
