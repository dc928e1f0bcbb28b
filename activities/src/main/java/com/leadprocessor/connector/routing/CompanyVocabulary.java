package com.leadprocessor.connector.routing;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names company conditions may use, so a misspelled industry or size band stops the worker
 * instead of never matching. They are the names the enrichment sources give: the employee bands and
 * GICS industry names of the Clearbit-format firmographics answer, the LinkedIn-style bands some
 * providers send instead, and ISO 3166 country codes.
 */
final class CompanyVocabulary {

  static final List<String> SIZE_BANDS =
      List.of(
          "1-10",
          "11-50",
          "51-250",
          "251-1K",
          "1K-5K",
          "5K-10K",
          "10K-50K",
          "50K-100K",
          "100K+",
          "51-200",
          "201-500",
          "501-1000",
          "1001-5000",
          "5001-10000",
          "10001+");

  static final List<String> INDUSTRIES =
      List.of(
          "Aerospace & Defense",
          "Air Freight & Logistics",
          "Airlines",
          "Auto Components",
          "Automobiles",
          "Banks",
          "Beverages",
          "Biotechnology",
          "Building Products",
          "Capital Markets",
          "Chemicals",
          "Commercial Services & Supplies",
          "Communications Equipment",
          "Construction & Engineering",
          "Construction Materials",
          "Consumer Finance",
          "Containers & Packaging",
          "Distributors",
          "Diversified Consumer Services",
          "Diversified Financial Services",
          "Diversified Telecommunication Services",
          "Education Services",
          "Electric Utilities",
          "Electrical Equipment",
          "Electronic Equipment, Instruments & Components",
          "Energy Equipment & Services",
          "Entertainment",
          "Food & Staples Retailing",
          "Food Products",
          "Gas Utilities",
          "Health Care Equipment & Supplies",
          "Health Care Providers & Services",
          "Health Care Technology",
          "Hotels, Restaurants & Leisure",
          "Household Durables",
          "Household Products",
          "Industrial Conglomerates",
          "Insurance",
          "Interactive Media & Services",
          "Internet & Catalog Retail",
          "Internet Software & Services",
          "IT Services",
          "Leisure Products",
          "Life Sciences Tools & Services",
          "Machinery",
          "Marine",
          "Media",
          "Metals & Mining",
          "Multi-Utilities",
          "Oil, Gas & Consumable Fuels",
          "Paper & Forest Products",
          "Personal Products",
          "Pharmaceuticals",
          "Professional Services",
          "Real Estate",
          "Road & Rail",
          "Semiconductors & Semiconductor Equipment",
          "Software",
          "Specialty Retail",
          "Technology Hardware, Storage & Peripherals",
          "Textiles, Apparel & Luxury Goods",
          "Tobacco",
          "Trading Companies & Distributors",
          "Transportation Infrastructure",
          "Water Utilities",
          "Wireless Telecommunication Services");

  static final Set<String> COUNTRIES = new TreeSet<>(Set.of(Locale.getISOCountries()));

  private CompanyVocabulary() {}

  static boolean isIndustry(String name) {
    return INDUSTRIES.stream().anyMatch(industry -> industry.equalsIgnoreCase(name));
  }
}
