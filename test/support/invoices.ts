/** A fully-digital special e-invoice (数电票) XML in the layout public parsers read (cn-finance-standards §3.8). */
export function digitalInvoiceXml(p: {
  number: string;
  buyerName: string;
  buyerTaxId: string;
  sellerTaxId: string;
  issueTime?: string;
}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<EInvoice>
  <Header>
    <EIid>${p.number}</EIid>
    <InherentLabel>
      <EInvoiceType><LabelName>电子发票（增值税专用发票）</LabelName></EInvoiceType>
      <GeneralOrSpecialVAT><LabelCode>01</LabelCode></GeneralOrSpecialVAT>
    </InherentLabel>
  </Header>
  <EInvoiceData>
    <SellerInformation><SellerIdNum>${p.sellerTaxId}</SellerIdNum><SellerName>上海云杉办公用品有限公司</SellerName></SellerInformation>
    <BuyerInformation><BuyerIdNum>${p.buyerTaxId}</BuyerIdNum><BuyerName>${p.buyerName}</BuyerName></BuyerInformation>
    <BasicInformation>
      <TotalAmWithoutTax>1000.00</TotalAmWithoutTax>
      <TotalTaxAm>130.00</TotalTaxAm>
      <TotalTax-includedAmount>1130.00</TotalTax-includedAmount>
      <TotalTax-includedAmountInChinese>壹仟壹佰叁拾圆整</TotalTax-includedAmountInChinese>
    </BasicInformation>
    <IssuItemInformation>
      <ItemName>*办公用品*打印纸</ItemName><SpecMod>A4 70g</SpecMod><MeaUnits>箱</MeaUnits>
      <Quantity>8</Quantity><UnPrice>100</UnPrice><Amount>800.00</Amount><TaxRate>13%</TaxRate><ComTaxAm>104.00</ComTaxAm>
    </IssuItemInformation>
    <IssuItemInformation>
      <ItemName>*办公用品*签字笔</ItemName><Quantity>40</Quantity><UnPrice>5</UnPrice><Amount>200</Amount><TaxRate>0.13</TaxRate><ComTaxAm>26</ComTaxAm>
    </IssuItemInformation>
    <AdditionalInformation><Remark>11月办公用品</Remark></AdditionalInformation>
  </EInvoiceData>
  <TaxSupervisionInfo><InvoiceNumber>${p.number}</InvoiceNumber><IssueTime>${p.issueTime ?? '2026-11-18 10:21:07'}</IssueTime></TaxSupervisionInfo>
</EInvoice>`;
}
