/**
 * The data-centre list (A2.5): `AccountService.GetDataCenterList`, which the vendor's SDKs call before
 * any login, and the `AuthService.GetDataCenters` spelling some clients use. No sign-in needed.
 */
export const isDataCentreList = (path: string): boolean =>
  /^\/k3cloud\/Kingdee\.BOS\.(ServiceFacade\.ServicesStub\.Account\.AccountService\.GetDataCenterList|WebApi\.ServicesStub\.AuthService\.GetDataCenters)\.common\.kdsvc$/i.test(
    path,
  );

/** The data centres this site serves: the simulator's one. */
export const dataCentres = (acctId: string) => [
  { Id: acctId, Number: '001', Name: '演示账套（模拟器）', DataCenterType: 1 },
];
