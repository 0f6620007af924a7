package org.leadhandoff.intake.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leadhandoff.lead.LeadContact;

/**
 * The header rows of the exports marketing teams bring, as each tool writes them (its documented
 * column labels or API names), read without mapping anything by hand.
 */
class CrmExportColumnsTest {

  private static CsvRow readOne(String csv) throws IOException {
    try (CSVParser parser = ImportRunner.FORMAT.parse(new StringReader(csv))) {
      return new CsvLeadReader(CsvColumns.of(parser.getHeaderNames()))
          .read(parser.iterator().next());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          HubSpot contacts | Record ID,First Name,Last Name,Email,Phone Number,Company Name,Job Title,Country/Region,Industry,Number of Employees,Original Source | 101,Ada,Lovelace,ada@bigco.example,+44 20 7946 0000,BigCo,CTO,United Kingdom,Computer Software,"1,200",Trade Show | GB
          Salesforce lead report | First Name,Last Name,Title,Company / Account,Email,Phone,Lead Source,Country,Industry,No. of Employees,Email Opt Out,Lead Owner | Ada,Lovelace,CTO,BigCo,ada@bigco.example,+44 20 7946 0000,Trade Show,USA,Technology,1200,0,Jane Doe | US
          Salesforce data export | Id,FirstName,LastName,Title,Company,Email,Phone,LeadSource,Country,Industry,NumberOfEmployees,HasOptedOutOfEmail | 00Q1,Ada,Lovelace,CTO,BigCo,ada@bigco.example,+44 20 7946 0000,Trade Show,Germany,Technology,1200,false | DE
          Marketo | Id,First Name,Last Name,Email Address,Phone Number,Company Name,Job Title,Country,Industry,Number of Employees,Lead Source,Unsubscribed | 7,Ada,Lovelace,ada@bigco.example,+44 20 7946 0000,BigCo,CTO,France,Software,1200,Trade Show,false | FR
          Pardot | Prospect Id,First Name,Last Name,Email,Company,Job Title,Phone,Country,Industry,Employees,Source,Opted Out | 9,Ada,Lovelace,ada@bigco.example,BigCo,CTO,+44 20 7946 0000,Ireland,Software,1200,Trade Show,0 | IE
          Mailchimp audience | Email Address,First Name,Last Name,Phone Number,Company,Job Title,MEMBER_RATING,CC,Employees,Source | ada@bigco.example,Ada,Lovelace,+44 20 7946 0000,BigCo,CTO,2,NL,1200,Trade Show | NL
          LinkedIn Lead Gen Forms | Lead ID,Created Time,First Name,Last Name,Email Address,Phone Number,Company Name,Job Title,Country/Region,Company Size,Lead Source | 55,2026-11-30,Ada,Lovelace,ada@bigco.example,+44 20 7946 0000,BigCo,CTO,Österreich,"1,001-1,399",Trade Show | AT
          Pipedrive people | Person - First name,Person - Last name,Person - Email - Work,Person - Phone - Work,Person - Organization,Person - Job title,Country,Employees,Lead Source | Ada,Lovelace,ada@bigco.example,+44 20 7946 0000,BigCo,CTO,Switzerland,1200,Trade Show | CH
          Zoho CRM leads | Record Id,First Name,Last Name,Email,Phone,Company,Designation,Country,Industry,No of Employees,Lead Source,Email Opt Out | z1,Ada,Lovelace,ada@bigco.example,+44 20 7946 0000,BigCo,CTO,Canada,Software,1200,Trade Show,false | CA
          Dynamics 365 leads | (Do Not Modify) Lead,Topic,First Name,Last Name,Email,Business Phone,Company Name,Job Title,Country/Region,Industry,No. of Employees,Lead Source | d1,Demo,Ada,Lovelace,ada@bigco.example,+44 20 7946 0000,BigCo,CTO,Deutschland,Software,1200,Trade Show | DE
          """)
  void readsTheToolsExport(String tool, String header, String row, String country)
      throws IOException {
    CsvRow read = readOne(header + "\n" + row + "\n");

    assertThat(read.errors()).as(tool).isEmpty();
    assertThat(read.warnings()).as(tool).isEmpty();
    LeadContact contact = read.contact();
    assertThat(contact.email()).isEqualTo("ada@bigco.example");
    assertThat(contact.firstName()).isEqualTo("Ada");
    assertThat(contact.lastName()).isEqualTo("Lovelace");
    assertThat(contact.phone()).isEqualTo("+44 20 7946 0000");
    assertThat(contact.company()).isEqualTo("BigCo");
    assertThat(contact.title()).isEqualTo("CTO");
    assertThat(contact.country()).isEqualTo(country);
    assertThat(contact.companySize()).isEqualTo(1200);
    assertThat(contact.source()).isEqualTo("Trade Show");
  }
}
