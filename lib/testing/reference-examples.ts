/**
 * The example payloads of the Recapture API reference (../shared/recapture-api.md),
 * copied verbatim, in the order they appear there. The client's schema tests
 * parse every one of them; the emulator's contract tests can send and compare
 * against the same values.
 */

/** POST /v2/recapture/upload: request body. */
export const uploadRequest = {
  name: "June 2022 New Customers",
  enable_rego_lookups: false,
  monitor_start_date: "2022-06-01",
  monitor_end_date: "2023-06-01",
  customers: [
    {
      rego: "ZEN407",
      state: "VIC",
      external_id: "CUST-4821",
      sale_date: "2022-06-15",
      additional_fields: {
        market_source: "dealer_crm",
        customer_type: "vip",
      },
    },
  ],
};

/** POST /v2/recapture/upload: 202 response. */
export const uploadResponse = {
  success: true,
  upload: {
    id: "99aa2d8e-348b-4321-beeb-f2fa67bab3eb",
    created_at: "2022-07-21T08:07:16.580Z",
    enable_rego_lookups: false,
    name: "June 2022 New Customers",
    total_uploaded_customers: 1,
    total_processed_customers: 0,
    total_errors: 0,
  },
};

/** GET /v2/recapture/upload/{UPLOAD_ID}: response. */
export const getUploadResponse = {
  success: true,
  upload: {
    id: "80230301-9d26-45d7-85d6-fbb8c519c014",
    created_at: "2022-07-16T06:22:05.289Z",
    enable_rego_lookups: false,
    name: "August 2022 New Customers",
    total_uploaded_customers: 1000,
    total_processed_customers: 800,
    total_errors: 0,
  },
};

/** DELETE /v2/recapture/upload/{UPLOAD_ID}: response. */
export const cancelUploadResponse = {
  success: true,
  upload: {
    id: "80230301-9d26-45d7-85d6-fbb8c519c014",
    created_at: "2022-07-16T06:22:05.289Z",
    enable_rego_lookups: false,
    name: "August 2022 New Customers",
    total_uploaded_customers: 1000,
    total_processed_customers: 850,
    total_errors: 0,
  },
};

/** GET /v2/recapture/customers?limit=100&offset=0: response. */
export const listCustomersResponse = {
  success: true,
  total: 2,
  customers: [
    {
      id: "000005cb-6d2f-49bc-a5a3-b596ede9202b",
      last_updated: "2022-07-21T05:41:02.941Z",
      rego: "ABC123",
      state: "VIC",
      vin: "1N4AL11D16N337720",
      external_id: "CUST-4821",
      sale_date: "2022-01-07T00:00:00.000Z",
      monitor_start_date: "2022-06-01T00:00:00.000Z",
      monitor_end_date: "2023-06-01T00:00:00.000Z",
      vehicle_title: "2019 Toyota Camry Ascent",
      sightings: [
        {
          at: "2022-08-15T14:23:01.000Z",
          lead_id: "a1b2c3d4-e5f6-7890-abcd-ef1234567890",
          listing_url: "https://www.carsales.com.au/cars/details/OAG-AD-123456/",
          listing_title: "2019 Toyota Camry Ascent Sport",
          listing_price: 28500,
          seller_type: "private",
        },
      ],
      additional_fields: {
        market_source: "dealer_crm",
        customer_type: "vip",
      },
    },
    {
      id: "0000993c-f21a-445e-9829-21786098df16",
      last_updated: "2022-07-21T05:45:05.174Z",
      rego: "DEF456",
      state: "NSW",
      vin: "4T1BE46K28U742135",
      external_id: "CUST-7964",
      sale_date: "2020-03-31T00:00:00.000Z",
      monitor_start_date: null,
      monitor_end_date: null,
      vehicle_title: "2017 Mazda 3 Maxx",
      sightings: [],
      additional_fields: {
        market_source: "dealer_crm",
        customer_type: "vip",
      },
    },
  ],
};

/** PUT /v2/recapture/customers: request body. */
export const createCustomerRequest = {
  enable_rego_lookups: true,
  customer: {
    rego: "ZEN407",
    state: "VIC",
    external_id: "CUST-4821",
    sale_date: "2022-06-01",
    monitor_start_date: "2022-06-01",
    monitor_end_date: "2023-06-01",
    additional_fields: {
      market_source: "dealer_crm",
      customer_type: "vip",
    },
  },
};

/** PUT /v2/recapture/customers: response. */
export const createCustomerResponse = {
  success: true,
  customer: {
    id: "0000c339-1fb4-4d15-9b46-6509f2c5a2a4",
    last_updated: "2022-07-21T02:27:03.543Z",
    rego: "ZEN407",
    state: "VIC",
    vin: "1N4AL11D16N337720",
    external_id: "CUST-4821",
    sale_date: "2022-06-01T00:00:00.000Z",
    monitor_start_date: "2022-06-01T00:00:00.000Z",
    monitor_end_date: "2023-06-01T00:00:00.000Z",
    vehicle_title: "2019 Toyota Camry Ascent",
    sightings: [],
    additional_fields: {
      market_source: "dealer_crm",
      customer_type: "vip",
    },
  },
};

/** GET /v2/recapture/customers/{CUSTOMER_ID}: response. */
export const getCustomerResponse = {
  success: true,
  customer: {
    id: "0000c339-1fb4-4d15-9b46-6509f2c5a2a4",
    last_updated: "2022-07-21T02:27:03.543Z",
    rego: "1EW2WA",
    state: "VIC",
    vin: "1N4AL11D16N337720",
    external_id: "CUST-4821",
    sale_date: "2020-07-18T00:00:00.000Z",
    monitor_start_date: "2022-06-01T00:00:00.000Z",
    monitor_end_date: "2023-06-01T00:00:00.000Z",
    vehicle_title: "2019 Toyota Camry Ascent",
    sightings: [
      {
        at: "2022-08-15T14:23:01.000Z",
        lead_id: "a1b2c3d4-e5f6-7890-abcd-ef1234567890",
        listing_url: "https://www.carsales.com.au/cars/details/OAG-AD-123456/",
        listing_title: "2019 Toyota Camry Ascent Sport",
        listing_price: 28500,
        seller_type: "private",
      },
    ],
    additional_fields: {
      market_source: "dealer_crm",
      customer_type: "vip",
    },
  },
};

/** PATCH /v2/recapture/customers/{CUSTOMER_ID}: request body. */
export const updateCustomerRequest = {
  external_id: "CUST-5673",
  sale_date: "2022-06-15",
  monitor_start_date: "2022-06-01",
  monitor_end_date: "2023-06-01",
  additional_fields: {
    market_source: "dealer_crm",
    customer_type: "vip",
  },
};

/** PATCH /v2/recapture/customers/{CUSTOMER_ID}: response. */
export const updateCustomerResponse = {
  success: true,
  customer: {
    id: "0000c339-1fb4-4d15-9b46-6509f2c5a2a4",
    last_updated: "2022-07-21T02:27:03.543Z",
    rego: "1EW2WA",
    state: "VIC",
    vin: "1N4AL11D16N337720",
    external_id: "CUST-5673",
    sale_date: "2022-06-15T00:00:00.000Z",
    monitor_start_date: "2022-06-01T00:00:00.000Z",
    monitor_end_date: "2023-06-01T00:00:00.000Z",
    vehicle_title: "2019 Toyota Camry Ascent",
    sightings: [
      {
        at: "2022-08-15T14:23:01.000Z",
        lead_id: "a1b2c3d4-e5f6-7890-abcd-ef1234567890",
        listing_url: "https://www.carsales.com.au/cars/details/OAG-AD-123456/",
        listing_title: "2019 Toyota Camry Ascent Sport",
        listing_price: 28500,
        seller_type: "private",
      },
    ],
    additional_fields: {
      market_source: "dealer_crm",
      customer_type: "vip",
    },
  },
};

/** DELETE /v2/recapture/customers/{CUSTOMER_ID}: response. */
export const deleteCustomerResponse = {
  success: true,
  customer: {
    id: "0000c339-1fb4-4d15-9b46-6509f2c5a2a4",
    last_updated: "2022-07-21T02:27:03.543Z",
    rego: "1EW2WA",
    state: "VIC",
    vin: "1N4AL11D16N337720",
    external_id: "CUST-4821",
    sale_date: "2020-07-18T00:00:00.000Z",
    monitor_start_date: "2022-06-01T00:00:00.000Z",
    monitor_end_date: "2023-06-01T00:00:00.000Z",
    vehicle_title: "2019 Toyota Camry Ascent",
    sightings: [
      {
        at: "2022-08-15T14:23:01.000Z",
        lead_id: "a1b2c3d4-e5f6-7890-abcd-ef1234567890",
        listing_url: "https://www.carsales.com.au/cars/details/OAG-AD-123456/",
        listing_title: "2019 Toyota Camry Ascent Sport",
        listing_price: 28500,
        seller_type: "private",
      },
    ],
    additional_fields: {
      market_source: "dealer_crm",
      customer_type: "vip",
    },
  },
};
