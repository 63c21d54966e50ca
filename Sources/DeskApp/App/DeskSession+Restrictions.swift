import BookingAPI
import BookingCore

extension DeskSession {
    /// Keeps only the branches, categories, offers and options of the user's branches and
    /// categories (`SessionInfo.branchIDs` and `categoryIDs`). The server already leaves
    /// the rest out; every list and every choice of the desk is made from this catalogue,
    /// so a restricted user is never offered a branch or category outside their own, even
    /// by a server that sent too much.
    mutating func keepOnlyVisible() {
        let branchIDs = Set(info.branchIDs)
        let categoryIDs = Set(info.categoryIDs)
        let visible = { (offer: Offer) in
            branchIDs.contains(offer.branchID) && categoryIDs.contains(offer.categoryID)
        }
        branches = branches.filter { branchIDs.contains($0.id) }
        categories = categories.filter { categoryIDs.contains($0.id) }
        offers = offers.filter(visible)
        options = options.filter(visible)
    }

    /// The offers of kind tour, for the tour dates' offer choice.
    var tourOffers: [Offer] {
        let tours = Set(categories.filter { $0.kind == .tour }.map(\.id))
        return offers.filter { tours.contains($0.categoryID) }
    }
}
