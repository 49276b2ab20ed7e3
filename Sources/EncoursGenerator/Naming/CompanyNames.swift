/// Names of French SMEs' customers: a legal form, a family or place name and a trade
/// (`SARL Dupont Métallerie`), and sometimes a shorter trade name.
///
/// Demo ledgers are read by people; names that look like a real customer file make the
/// figures easier to believe and to talk about.
enum CompanyNames {
    static let legalForms = ["SARL", "SAS", "SAS", "SASU", "EURL", "SA", "SNC", "SARL", "SAS"]

    static let families = [
        "Dupont", "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau",
        "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier",
        "Girard", "Bonnet", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefèvre", "Faure", "André",
        "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Perrin",
        "Morin", "Clément", "Gaillard", "Barbier", "Arnaud", "Brun", "Roussel", "Lemaire", "Renaud", "Picard",
    ]

    static let trades = [
        "Métallerie", "Transports", "Bâtiment", "Électricité Générale", "Menuiserie", "Plomberie Chauffage",
        "Boulangerie Industrielle", "Imprimerie", "Travaux Publics", "Carrosserie", "Distribution", "Froid Industriel",
        "Maçonnerie", "Charpente", "Emballages", "Négoce de Matériaux", "Mécanique de Précision", "Logistique",
        "Peinture Industrielle", "Couverture", "Agencement", "Serrurerie", "Traiteur", "Nettoyage Industriel",
        "Ingénierie", "Informatique", "Paysage", "Fonderie", "Plasturgie", "Équipements Agricoles",
    ]

    static let places = [
        "Lyon", "Rhône", "Alpes", "Bretagne", "Normandie", "Provence", "Atlantique", "Loire", "Champagne", "Alsace",
        "Lorraine", "Picardie", "Savoie", "Auvergne", "Occitanie", "Gironde", "Vendée", "Artois", "Anjou", "Touraine",
        "Bourgogne", "Jura", "Limousin", "Berry", "Quercy", "Vexin", "Beauce", "Sologne", "Morvan", "Cévennes",
    ]

    /// A legal name and, for most customers, a trade name.
    static func draw(random: inout RandomSource) -> (legal: String, trade: String?) {
        let form = random.pick(legalForms)
        let family = random.pick(families)
        let trade = random.pick(trades)
        let place = random.pick(places)
        let legal: String
        let tradeName: String?
        switch random.below(5) {
        case 0:
            legal = "\(form) \(family) \(trade)"
            tradeName = "\(trade) \(family)"
        case 1:
            legal = "\(form) \(trade) \(family) et Fils"
            tradeName = "\(family) et Fils"
        case 2:
            legal = "\(form) \(trade) \(place)"
            tradeName = random.chance(0.5) ? "\(trade) \(place)" : nil
        case 3:
            legal = "\(form) \(family) \(trade) \(place)"
            tradeName = "\(family) \(place)"
        default:
            legal = "\(form) Établissements \(family)"
            tradeName = random.chance(0.5) ? "Éts \(family)" : nil
        }
        return (legal, tradeName)
    }
}
