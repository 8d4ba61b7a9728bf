/**
 * Writes the dealer-export fixtures of this folder (`npx tsx e2e/data/generate-fixtures.ts`).
 * Kept as code so the byte-level details (BOM, CRLF, Windows-1252, tabs, quoted line
 * breaks) are reviewable; README.md says what is wrong in each file.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

type Row = readonly string[];

function csvCell(cell: string, delimiter: string): string {
  return /["\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

function csv(rows: readonly Row[], delimiter = ",", newline = "\r\n"): string {
  return (
    rows.map((row) => row.map((cell) => csvCell(cell, delimiter)).join(delimiter)).join(newline) + newline
  );
}

/** Windows-1252 bytes; only Latin-1 letters are used, which have the same code in both. */
function windows1252(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => {
    const code = char.charCodeAt(0);
    if (code > 0xff || (code >= 0x80 && code < 0xa0))
      throw new Error(`${char} is not written the same in Windows-1252`);
    return code;
  });
}

const BOM = "\uFEFF";

const bomCrlf: Row[] = [
  [
    "Customer No",
    "Customer Name",
    "Rego No.",
    "Registration State",
    "VIN/Chassis",
    "Make",
    "Model",
    "Date Sold",
    "Salesperson",
  ],
  [
    "C10421",
    "James Nguyen",
    "1ABC 234",
    "Victoria",
    "JTNB11HK103456789",
    "Toyota",
    "Camry Ascent",
    "15/06/2022",
    "Dave",
  ],
  ["C10422", "Olivia Brown", "XYZ-789", "VIC", "", "Mazda", "CX-5 Maxx", "1/7/22", "Dave"],
  [
    "C10423",
    "Jack Wilson",
    "1HX5TR",
    "W.A.",
    "MR0FB8CD200123456",
    "Toyota",
    "Hilux SR5",
    "3/07/2022",
    "Priya",
  ],
  ["C10424", "Charlotte Kelly", "", "", "KMHD841CMLU123456", "Hyundai", "i30 Active", "04/07/2022", "Priya"],
  ["C10425", "William Singh", "CBD12Z", "NSW", "", "Kia", "Cerato S", "31/02/2022", "Dave"],
  ["C10426", "Amelia Chen", "", "", "", "Ford", "Ranger XLT", "05/07/2022", "Sam"],
  ["C10427", "Noah Taylor", "ZEN407", "vic", "6FPAAAJGCM8D12345", "Ford", "Everest Trend", "6/7/22", "Sam"],
  ["C10428", "Isla Martin", "1GH7KL", "Qld", "JM0KF4W7A00123456", "Mazda", "BT-50 XT", "07/07/2022", "Priya"],
  ["C10429", "Liam O'Brien", "BNE 55X", "Queensland", "", "Mitsubishi", "Triton GLX", "8/07/2022", "Dave"],
  [
    "C10430",
    "Mia Williams",
    "WA 1TX 9",
    "Western Australia",
    "JTNB11HK103456789",
    "Toyota",
    "Camry Ascent",
    "09/07/2022",
    "Sam",
  ],
  ["C10431", "Ethan Smith", "S123ABC", "SA", "", "Holden", "Colorado LTZ", "10/07/2022", "Sam"],
  ["C10432", "Grace Lee", "T 77 PQ", "Tas", "", "Subaru", "Forester", "11/07/2022", "Priya"],
];

const windows1252Export: Row[] = [
  ["Cust #", "First Name", "Surname", "Plate", "State", "VIN", "Delivery Date", "Suburb"],
  ["4410", "José", "Müller", "ABC123", "VIC", "WVWZZZ1KZAW123456", "15/06/2022", "Brunswick"],
  ["4411", "Zoë", "Brontë", "DEF456", "NSW", "", "16/06/2022", "Ryde"],
  ["4412", "François", "Côté", "GHI789", "Victorai", "", "17/06/2022", "Geelong"],
  ["4413", "Renée", "Øster", "JKL012", "QLD", "JN1TBNT30Z0O12345", "18/06/2022", "Southport"],
  ["4414", "Björn", "Ångström", "", "", "ZVW30-1234567", "19/06/2022", "Fremantle"],
  ["4415", "Inès", "García", "MNO345", "Vic.", "ZVW30-7654321", "20/06/2022", "Richmond"],
  ["4416", "Chloé", "Lefèvre", "PQR678", "N.S.W.", "", "21/06/2022", "Penrith"],
  ["4417", "Søren", "Kierkegaard", "STU901", "ACT", "", "22/06/2022", "Belconnen"],
  ["4418", "Noël", "Dubé", "VWX234", "Tasmania", "", "23/06/2022", "Hobart"],
  ["4419", "Anaïs", "Péron", "YZA567", "NT", "", "24/06/2022", "Darwin"],
];

const titleLine: Row[] = [
  ["Sales report June 2022", "", "", "", "", "", "", ""],
  ["Smith Motors Group - all branches", "", "", "", "", "", "", ""],
  ["", "", "", "", "", "", "", ""],
  [
    "Stock No",
    "Customer Number",
    "Customer Name",
    "Registration",
    "Rego State",
    "Chassis Number",
    "Purchased",
    "Phone",
  ],
  ["S20871", "CRM-5521", "Harper Jones", "1DX4RT", "VIC", "JTMBFREV00D012345", "01/06/2022", "0412 345 678"],
  ["S20872", "CRM-5522", "Lucas Walker", "ZZT 990", "NSW", "", "02/06/2022", "0413 222 111"],
  ["S20873", "CRM-5523", "Ava Robinson", "AB#123", "QLD", "", "03/06/2022", "0414 999 000"],
  ["S20874", "CRM-5524", "Oliver Wright", "1EW2WA", "VIC", "1N4AL11D16N337720", "13/13/2022", "0415 123 456"],
  ["S20875", "CRM-5525", "Sophie Hall", "ZZT990", "NSW", "", "05/06/2022", "0416 777 888"],
  ["S20876", "CRM-5526", "Henry Young", "QWE321", "SA", "", "06/06/2022", "0417 000 111"],
  ["S20877", "CRM-5527", "Ruby King", "PLM 456", "WA", "MNTBB7A9406123456", "07/06/2022", "0418 555 444"],
  ["S20878", "CRM-5528", "Leo Scott", "", "", "", "08/06/2022", "0419 444 333"],
  ["S20879", "CRM-5529", "Evie Green", "HJK 12", "ACT", "", "09/06/2022", "0420 111 222"],
  ["S20880", "CRM-5530", "Max Adams", "UIO789", "Victoria", "", "10/06/2022", "0421 333 222"],
];

const tabSeparated: Row[] = [
  ["CRM ID", "Name", "Rego", "State", "VIN", "Sale Date", "Email"],
  ["88101", "Ella Baker", "ABC1DE", "NSW", "", "1/7/22", "ella.baker@example.com.au"],
  ["88102", "Jacob Turner", "XQ12RT", "VIC", "6T1BF3FK40X123456", "2/7/22", "jacob@example.com.au"],
  ["88103", "Zara Phillips", "", "", "", "3/7/22", "zara@example.com.au"],
  ["88104", "Hugo Campbell", "TT55AB", "QLD", "JTDKB20U99312345678", "4/7/22", "hugo@example.com.au"],
  ["88105", "Matilda Parker", "KLM 321", "SA", "", "5/7/22", "matilda@example.com.au"],
  ["88106", "Archie Evans", "", "", "WBA3A5C51CF123456", "6/7/22", "archie@example.com.au"],
  ["88107", "Willow Edwards", "NBV 678", "W.A.", "", "7/7/22", "willow@example.com.au"],
  ["88108", "Oscar Collins", "ABC1DE", "NSW", "", "8/7/22", "oscar@example.com.au"],
  ["88109", "Ivy Stewart", "PO 99 LK", "Tas", "", "9/7/22", "ivy@example.com.au"],
  ["88110", "Leo Morris", "GHJ852", "NT", "", "10/7/22", "leo.morris@example.com.au"],
];

const quotedNewlines: Row[] = [
  ["Customer No", "Customer Name", "Address", "Notes", "Rego No.", "State", "VIN/Chassis", "Date Sold"],
  [
    "C7001",
    "Smith, John",
    "Unit 4, 12 High St\nRichmond VIC 3121",
    "Prefers SMS",
    "1ABC234",
    "VIC",
    "JTNB11HK103450001",
    "15/06/2022",
  ],
  [
    "C7002",
    "Patel, Anika",
    "88 Station Rd\nParramatta NSW 2150",
    'Said "call after 5pm"',
    "DEF-456",
    "NSW",
    "",
    "16/06/2022",
  ],
  ["C7003", "Brown, Tom", "3 Beach Rd, Glenelg SA 5045", "", "SAX123", "SA", "", "29/02/2023"],
  [
    "C7004",
    "Nguyen, Lily",
    "PO Box 12\nSouthport QLD 4215",
    "Trade-in: 2015 Corolla,\nneeds follow-up",
    "QLD777",
    "Queensland",
    "JTNB11HK103450004",
    "18/06/2022",
  ],
  ["C7005", "Kelly, Sean", "7 King St\nHobart TAS 7000", "", "", "", "", "19/06/2022"],
  [
    "C7006",
    "Wilson, Amy",
    "45 Park Ave, Geelong VIC 3220",
    "Repeat customer",
    "1ABC 234",
    "Victoria",
    "JTNB11HK103450001",
    "20/06/2022",
  ],
  ["C7007", "Martin, Paul", "9 Church St\nFremantle WA 6160", "", "WAP001", "WA", "", "21/06/2022"],
  [
    "C7008",
    "Chen, Wei",
    "1/22 Main Rd\nPenrith NSW 2750",
    "Fleet, 3 cars",
    "FLT101",
    "NSW",
    "MR0FB8CD200123499",
    "22/06/2022",
  ],
];

// Cells a spreadsheet would run as formulas, as a DMS export can hold them (phone numbers, notes).
const formulaCells: Row[] = [
  ["Customer No", "Rego No.", "State", "Date Sold", "Phone", "Notes"],
  ["C20001", "FRM101", "VIC", "15/06/2022", "+61 412 345 678", "=SUM(A1)"],
  ["C20002", "FRM102", "NSW", "31/02/2022", "+61 498 765 432", "=SUM(A1)"],
  ["C20003", "FRM103", "Vic.", "32/03/2022", "@x", "\tindented"],
  ["C20004", "FRM104", "XX", "02/03/2022", "-5", "'71 Holden"],
];

// A column of each problem a whole-column fix is for: sale dates no format reads (send the
// rows without them), monitor end dates written month first (read them as mm/dd/yyyy), and
// chassis numbers beside regos (sent with a warning, or not at all).
const columnFixes: Row[] = [
  ["Customer No", "Rego", "State", "VIN", "Sale Date", "Monitor Until", "Salesperson"],
  ["F101", "FIX101", "VIC", "", "01/06/2022", "30/06/2025", "Dave"],
  ["F102", "FIX102", "NSW", "", "02/06/2022", "30/06/2025", "Dave"],
  ["F103", "FIX103", "QLD", "", "03/06/2022", "30/06/2025", "Priya"],
  ["F104", "FIX104", "SA", "", "04/06/2022", "30/06/2025", "Priya"],
  ["F105", "FIX105", "WA", "", "05/06/2022", "30/06/2025", "Sam"],
  ["F106", "FIX106", "TAS", "", "06/06/2022", "30/06/2025", "Sam"],
  ["F107", "FIX107", "VIC", "", "June 2022", "30/06/2025", "Dave"],
  ["F108", "FIX108", "NSW", "", "mid-2022", "30/06/2025", "Dave"],
  ["F109", "FIX109", "QLD", "", "Q3 2022", "30/06/2025", "Priya"],
  ["F110", "FIX110", "SA", "", "EOFY", "30/06/2025", "Priya"],
  ["F111", "FIX111", "WA", "", "11/06/2022", "06/30/2025", "Sam"],
  ["F112", "FIX112", "TAS", "", "12/06/2022", "12/31/2025", "Sam"],
  ["F113", "FIX113", "VIC", "", "13/06/2022", "06/15/2026", "Dave"],
  ["F114", "FIX114", "NSW", "ZVW30-1234567", "14/06/2022", "30/06/2025", "Dave"],
  ["F115", "FIX115", "QLD", "NCP10-7654321", "15/06/2022", "30/06/2025", "Priya"],
];

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
writeFileSync(here("bom-crlf.csv"), BOM + csv(bomCrlf));
writeFileSync(here("windows-1252.csv"), windows1252(csv(windows1252Export)));
writeFileSync(here("title-line.csv"), csv(titleLine));
writeFileSync(here("tab-separated.tsv"), csv(tabSeparated, "\t", "\n"));
writeFileSync(here("quoted-newlines.csv"), csv(quotedNewlines, ",", "\n"));
writeFileSync(here("formula-cells.csv"), csv(formulaCells));
writeFileSync(here("column-fixes.csv"), csv(columnFixes));
