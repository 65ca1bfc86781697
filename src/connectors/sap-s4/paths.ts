/**
 * Where an S/4HANA Cloud system answers: the OAuth token endpoint and the journal-entry SOAP service
 * (the connection settings' defaults, and the paths the simulator serves).
 */
export const TOKEN_PATH = '/sap/bc/sec/oauth2/token';
export const SOAP_PATH = '/sap/bc/srt/scs_ext/sap/journalentrycreaterequestconfi';
